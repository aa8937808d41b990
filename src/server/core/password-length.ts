// The length part of the password rules (SEC-4), with no dependencies, so that
// the browser applies exactly the server's numbers. The dictionary checks live
// in password-policy.ts, which the server alone runs.

export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MIN_LENGTH_WITH_MFA = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Unicode-normalize before hashing and checking, so that full-width input matches (NIST 5.1.1.2). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in code points after normalization, so that a kanji or emoji counts as one character. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

export function minimumLength(mfaEnabled: boolean): number {
  return mfaEnabled ? PASSWORD_MIN_LENGTH_WITH_MFA : PASSWORD_MIN_LENGTH;
}
