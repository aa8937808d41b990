// The one way the screens talk to the server: JSON in and out, the CSRF header on
// every change, and the server's Japanese error answers turned into ApiError.
// A signed-out answer or an unfinished sign-in step is also reported to the
// handlers the session layer registers, which move the user to the right screen.

export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

export type PendingStage = 'mfa_verify' | 'password_change' | 'mfa_enrol';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly errors: readonly FieldProblem[];
  /** The session layer has already acted on this error (sent the user to sign in or to a sign-in step). */
  handled = false;

  constructor(status: number, code: string, message: string, field?: string, errors: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.errors = errors;
  }
}

/** 401 codes meaning the session is gone; login's own refusals (sign_in_failed, sign_in_locked) are not among them. */
export const SIGNED_OUT_CODES: readonly string[] = ['not_signed_in', 'idle_timeout', 'absolute_timeout', 'disabled'];

const STAGE_CODES: Readonly<Record<string, PendingStage>> = {
  stage_mfa_verify: 'mfa_verify',
  stage_password_change: 'password_change',
  stage_mfa_enrol: 'mfa_enrol',
};

export interface AuthHandlers {
  signedOut(code: string, message: string): void;
  stage(stage: PendingStage, message: string): void;
}

let csrfToken: string | null = null;
let handlers: AuthHandlers | null = null;
const activityListeners = new Set<() => void>();

/** The token comes from the login and session answers and lives only in memory, never in storage. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setAuthHandlers(next: AuthHandlers | null): void {
  handlers = next;
}

/** Called after every answer from the server: the server's idle clock restarts on each request. */
export function onServerActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  /** Leave a signed-out or stage answer to the caller instead of redirecting (start-up check, sign-out). */
  noRedirect?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message: string; field?: string; errors?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is FieldProblem =>
      typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string' && 'message' in e,
  );
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const unsafe = UNSAFE.has(method);
  if (unsafe) {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: unsafe ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      'サーバーに接続できません。ネットワークの状態を確認してから、もう一度お試しください',
    );
  }
  for (const listener of activityListeners) listener();

  let data: unknown = null;
  const text = await response.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.code, data.message, data.field, toFieldProblems(data.errors))
    : new ApiError(
        response.status,
        'unexpected',
        `サーバーから予期しない応答がありました（${response.status}）。時間をおいて再度お試しください`,
      );

  if (!options.noRedirect && handlers) {
    if (error.status === 401 && SIGNED_OUT_CODES.includes(error.code)) {
      csrfToken = null;
      error.handled = true;
      handlers.signedOut(error.code, error.message);
    } else if (error.status === 403 && error.code in STAGE_CODES) {
      error.handled = true;
      handlers.stage(STAGE_CODES[error.code] as PendingStage, error.message);
    }
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) =>
    request<T>('GET', withQuery(path, query), undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/**
 * Server errors by form field. Schema errors name nested paths (roles.0); the
 * forms here are flat, so the first segment is the field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.errors) {
    const key = problem.field.split('.')[0] ?? problem.field;
    if (key && !(key in out)) out[key] = problem.message;
  }
  if (error.field && Object.keys(out).length === 0) out[error.field.split('.')[0] ?? error.field] = error.message;
  return out;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '処理中に問題が発生しました。時間をおいて再度お試しください';
}
