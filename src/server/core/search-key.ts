// Keys for finding a person however their name was typed (BIZ-6): 山田 太郎,
// ﾔﾏﾀﾞ ﾀﾛｳ, やまだたろう and ヤマダタロウ all meet. Width is unified (NFKC),
// hiragana becomes katakana, spaces and punctuation go; the database compares the
// keys with trigrams (pg_trgm), which tolerates a small misspelling.

import { toKatakana } from 'wanakana';

/** Spaces, middle dots, long-vowel variants and punctuation that people type differently. */
const NOISE = /[\s・･.,、。'"()（）「」\-‐－—]/g;

export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(NOISE, '').toLowerCase();
}

/** Katakana for any kana, kanji left as they are. */
export function kanaKey(text: string): string {
  const unified = nameKey(text);
  return toKatakana(unified, { passRomaji: true, convertLongVowelMark: false });
}

export function digitsKey(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}

/** Whether a search text is written only in kana (so that it should meet the kana key). */
export function isKana(text: string): boolean {
  return /^[\u3040-\u30ffー]+$/.test(kanaKey(text));
}
