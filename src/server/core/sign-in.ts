// Sign-in rules (SEC-4): lockout, session lifetime, and the steps a session must
// pass through before it reaches full use. Pure functions over plain values.

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

/** After a failed attempt: the new failure count and, at the threshold, when the lock ends. */
export function afterFailedAttempt(
  failedAttempts: number,
  now: Date,
): { failedAttempts: number; lockedUntil: Date | null } {
  const count = failedAttempts + 1;
  if (count >= LOCKOUT_THRESHOLD) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedAttempts: count, lockedUntil: null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** Bounds a tenant may choose within; outside them the setting is refused. */
export const SESSION_TIMEOUT_BOUNDS = {
  idleMinutes: { min: 5, max: 120 },
  absoluteHours: { min: 1, max: 24 },
} as const;

export type SessionState = 'valid' | 'idle_expired' | 'absolute_expired' | 'ended';

export function sessionState(
  session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null },
  timeouts: SessionTimeouts,
  now: Date,
): SessionState {
  if (session.endedAt !== null) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= timeouts.absoluteHours * 3_600_000) return 'absolute_expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= timeouts.idleMinutes * 60_000) return 'idle_expired';
  return 'valid';
}

/**
 * The last-seen time is written at most this often, so that a busy session does
 * not turn every read into a write. The idle timeout is therefore honoured to
 * within this many seconds (never longer than configured).
 */
export const LAST_SEEN_RESOLUTION_SECONDS = 30;

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_SECONDS * 1000;
}

/**
 * The steps of a sign-in. A session is created after the password; it reaches
 * 'active' only after each step that applies:
 *   mfa_verify       the account has a second factor: enter the code
 *   password_change  first sign-in or reset: choose a new password
 *   mfa_enrol        a second factor is required but not yet set up
 */
export const SESSION_STAGES = ['mfa_verify', 'password_change', 'mfa_enrol', 'active'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export function nextStage(account: {
  mfaEnabled: boolean;
  mfaVerified: boolean;
  mustChangePassword: boolean;
  mfaRequired: boolean;
}): SessionStage {
  if (account.mfaEnabled && !account.mfaVerified) return 'mfa_verify';
  if (account.mustChangePassword) return 'password_change';
  if (account.mfaRequired && !account.mfaEnabled) return 'mfa_enrol';
  return 'active';
}
