import type { SessionStage } from '../../types';

/** The screen of each sign-in step. */
export const STAGE_PATHS: Readonly<Record<Exclude<SessionStage, 'active'>, string>> = {
  mfa_verify: '/login/mfa',
  password_change: '/login/password',
  mfa_enrol: '/login/mfa-setup',
};

let returnTo: string | null = null;

/** Where to go once signed in: the page the user asked for before being sent to sign in. */
export function rememberReturnTo(path: string | null): void {
  returnTo = path && path.startsWith('/') && !path.startsWith('/login') ? path : null;
}

export function pathForStage(stage: SessionStage): string {
  if (stage !== 'active') return STAGE_PATHS[stage];
  const target = returnTo ?? '/';
  returnTo = null;
  return target;
}

const TENANT_KEY = 'jiritsu-case.tenantCode';

/** The last tenant code, which is not secret, so that staff type only their login and password. */
export function lastTenantCode(): string {
  try {
    return localStorage.getItem(TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberTenantCode(code: string): void {
  try {
    localStorage.setItem(TENANT_KEY, code);
  } catch {
    // Storage may be disabled by policy; prefilling is only a convenience.
  }
}
