import { describe, expect, it } from 'vitest';
import { checkPassword, passwordLength } from './password-policy.js';

const none = { mfaEnabled: false, userInputs: ['yamada', '山田 花子'] };
const mfa = { mfaEnabled: true, userInputs: [] };

describe('[SEC-4] password rules: length, not composition', () => {
  it.each([
    ['a 15-character passphrase without digits or symbols', 'kumo no ue ni aru', none, null],
    ['14 characters without a second factor', 'kumonoueniaru!', none, 'too_short'],
    ['8 characters with a second factor', 'Zq7!mP2x', mfa, null],
    ['7 characters even with a second factor', 'Zq7!mP2', mfa, 'too_short'],
    ['a guessable 8 characters with a second factor', 'sakura88', mfa, 'predictable'],
    ['a common password, however long', 'passwordpassword', none, 'predictable'],
    ['a dictionary word', 'password', mfa, 'common'],
    ['a keyboard walk', 'qwertyuiopasdfgh', none, 'predictable'],
    ['digits in sequence', '1234567890123456', none, 'predictable'],
    ['the login inside', 'yamada-is-my-secret-99', none, 'contains_user_data'],
    ['129 characters', 'あ'.repeat(129), none, 'too_long'],
    ['128 Japanese characters', '吾輩は猫である名前はまだ無い'.repeat(9).slice(0, 128), none, null],
    ['full-width is normalised', 'ｋｕｍｏ ｎｏ ｕｅ ｎｉ ａｒｕ', none, null],
  ] as const)('%s', (_label, password, context, expected) => {
    expect(checkPassword(password, context)).toBe(expected);
  });

  it('length counts characters, not bytes', () => {
    expect(passwordLength('日本語のパスワード')).toBe(9);
  });
});
