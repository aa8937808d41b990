// Password rules (SEC-4), after NIST SP 800-63B: length matters, composition rules
// do not. At least 15 characters, or 8 when a second factor is on; up to 128;
// common and predictable passwords are refused using the dictionaries shipped with
// zxcvbn-ts (common passwords, and Japanese names and words).

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as ja from '@zxcvbn-ts/language-ja';

import {
  minimumLength,
  normalizePassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_LENGTH_WITH_MFA,
} from './password-length.js';

export { normalizePassword, passwordLength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-length.js';
/**
 * zxcvbn score below which a password is refused as predictable: 3 (≈ 10^8
 * guesses and more) on its own; 2 (≈ 10^6) when a second factor also guards the
 * account, which is what makes an 8-character minimum acceptable (NIST 5.1.1.2).
 */
const MIN_SCORE = 3;
const MIN_SCORE_WITH_MFA = 2;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'predictable' | 'contains_user_data';

export const PASSWORD_PROBLEM_MESSAGES: Readonly<Record<PasswordProblem, string>> = {
  too_short: 'パスワードが短すぎます',
  too_long: `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください`,
  common: 'よく使われているパスワードのため使用できません',
  predictable: '推測されやすいパスワードのため使用できません。単語を組み合わせた長い文にしてください',
  contains_user_data: 'ログインIDや氏名を含むパスワードは使用できません',
};

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...ja.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

export interface PasswordContext {
  mfaEnabled: boolean;
  /** Login id, names and the like, which must not make up the password. */
  userInputs: readonly string[];
}

export function checkPassword(password: string, context: PasswordContext): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (length < minimumLength(context.mfaEnabled)) return 'too_short';
  const lower = normalized.toLowerCase();
  const inputs = context.userInputs.map((s) => s.normalize('NFKC').toLowerCase()).filter((s) => s.length >= 3);
  if (inputs.some((s) => lower.includes(s))) return 'contains_user_data';
  const result = zxcvbn().check(normalized.slice(0, 100), [...inputs]);
  if (result.sequence.length === 1 && result.sequence[0]?.pattern === 'dictionary') return 'common';
  if (result.score < (context.mfaEnabled ? MIN_SCORE_WITH_MFA : MIN_SCORE)) return 'predictable';
  return null;
}

export function passwordProblemMessage(problem: PasswordProblem, mfaEnabled: boolean): string {
  if (problem === 'too_short') {
    return mfaEnabled
      ? `パスワードは${PASSWORD_MIN_LENGTH_WITH_MFA}文字以上で入力してください`
      : `パスワードは${PASSWORD_MIN_LENGTH}文字以上で入力してください（二段階認証を設定している場合は${PASSWORD_MIN_LENGTH_WITH_MFA}文字以上）`;
  }
  return PASSWORD_PROBLEM_MESSAGES[problem];
}
