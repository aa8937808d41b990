// Keys for finding a person however their name was typed (BIZ-6): 山田 太郎,
// ﾔﾏﾀﾞ ﾀﾛｳ, やまだたろう and ヤマダタロウ all meet. Width is unified (NFKC),
// hiragana becomes katakana, small kana full size, spaces and punctuation go. The
// database finds exact and prefix matches by range, and spellings one edit apart
// through the keys with one character left out (migration 0003); pg_trgm's
// similarity ranks what was found.

import { toKatakana } from 'wanakana';

/** Spaces, middle dots, long-vowel variants and punctuation that people type differently. */
const NOISE = /[\s・･.,、。'"()（）「」\-‐－—]/g;

export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(NOISE, '').toLowerCase();
}

/** Small kana and ヂ・ヅ that people write either way (ショウ・シヨウ, ミヅキ・ミズキ), and what they become. */
export const KANA_VARIANTS = { from: 'ァィゥェォッャュョヮヵヶヂヅ', to: 'アイウエオツヤユヨワカケジズ' } as const;

/** Katakana for any kana, small kana made full size, kanji left as they are. */
export function kanaKey(text: string): string {
  const katakana = toKatakana(nameKey(text), { passRomaji: true, convertLongVowelMark: false });
  return [...katakana].map((c) => KANA_VARIANTS.to[KANA_VARIANTS.from.indexOf(c)] ?? c).join('');
}

export function digitsKey(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}

/** Whether a search text is written only in kana (so that it should meet the kana key). */
export function isKana(text: string): boolean {
  return /^[\u3040-\u30ffー]+$/.test(kanaKey(text));
}

/** The range of keys that begin with `prefix`, in code-point (byte) order: [from, to). */
export function prefixRange(prefix: string): [string, string] {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return ['', '\u{10FFFF}'];
  return [prefix, chars.join('') + String.fromCodePoint((last.codePointAt(0) as number) + 1)];
}
