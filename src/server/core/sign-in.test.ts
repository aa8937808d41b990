import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, isLocked, nextStage, sessionState, shouldTouch } from './sign-in.js';
import { mfaRequired } from './roles.js';

const t0 = new Date('2026-04-01T00:00:00Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

describe('[SEC-4] lockout', () => {
  it('locks for 15 minutes at the fifth consecutive failure', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailedAttempt(state.failedAttempts, t0);
      expect(state).toEqual({ failedAttempts: i, lockedUntil: null });
    }
    state = afterFailedAttempt(state.failedAttempts, t0);
    expect(state.lockedUntil).toEqual(minutes(15));
    expect(isLocked(state.lockedUntil, minutes(14.9))).toBe(true);
    expect(isLocked(state.lockedUntil, minutes(15))).toBe(false);
  });
});

describe('[SEC-4] session lifetime', () => {
  const timeouts = { idleMinutes: 15, absoluteHours: 12 };
  it.each([
    ['fresh', minutes(0), minutes(1), 'valid'],
    ['idle 14 minutes', minutes(0), minutes(14), 'valid'],
    ['idle 15 minutes', minutes(0), minutes(15), 'idle_expired'],
    ['active but 12 hours old', minutes(12 * 60 - 1), minutes(12 * 60), 'absolute_expired'],
  ] as const)('%s', (_l, lastSeenAt, now, expected) => {
    expect(sessionState({ createdAt: t0, lastSeenAt, endedAt: null }, timeouts, now)).toBe(expected);
  });

  it('an ended session stays ended', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: t0 }, timeouts, minutes(1))).toBe('ended');
  });

  it('last-seen is written at most every 30 seconds', () => {
    expect(shouldTouch(t0, new Date(t0.getTime() + 29_000))).toBe(false);
    expect(shouldTouch(t0, new Date(t0.getTime() + 30_000))).toBe(true);
  });
});

describe('[SEC-4] sign-in stages', () => {
  it.each([
    [{ mfaEnabled: true, mfaVerified: false, mustChangePassword: true, mfaRequired: true }, 'mfa_verify'],
    [{ mfaEnabled: true, mfaVerified: true, mustChangePassword: true, mfaRequired: true }, 'password_change'],
    [{ mfaEnabled: false, mfaVerified: false, mustChangePassword: false, mfaRequired: true }, 'mfa_enrol'],
    [{ mfaEnabled: false, mfaVerified: false, mustChangePassword: true, mfaRequired: true }, 'password_change'],
    [{ mfaEnabled: false, mfaVerified: false, mustChangePassword: false, mfaRequired: false }, 'active'],
  ] as const)('%o → %s', (account, stage) => {
    expect(nextStage(account)).toBe(stage);
  });

  it('privacy managers and administrators always need a second factor; others when the tenant says so', () => {
    expect(mfaRequired(['privacy_protection_manager'], false)).toBe(true);
    expect(mfaRequired(['system_administrator'], false)).toBe(true);
    expect(mfaRequired(['support_worker'], false)).toBe(false);
    expect(mfaRequired(['support_worker'], true)).toBe(true);
  });
});
