// My Number (個人番号): input normalisation, the check digit, masking and the
// legal bases for acquiring it (ACQ-4, PRV-4, RET-3). The number itself is sealed
// (crypto/seal.ts, ARCHITECTURE rule 7); nothing here stores or logs it.

/** Full-width digits become ASCII; spaces (also 全角) and hyphens or dashes of any width are removed. */
export function normalizeMyNumber(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\u3000\-\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g, '');
}

/**
 * The check digit of a 12-digit individual number, as defined by the ordinance of
 * the Ministry of Internal Affairs and Communications (総務省令) to which the My
 * Number Act's enforcement order (施行令第8条) delegates it:
 * with Pn the n-th of the first 11 digits counted from the right and
 * Qn = n + 1 (1 ≤ n ≤ 6) or n − 5 (7 ≤ n ≤ 11), the check digit is
 * 11 − (Σ Pn × Qn mod 11), or 0 when the remainder is 0 or 1.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('The first 11 digits of a My Number are needed');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** Twelve ASCII digits whose last is the check digit of the first eleven (already normalised). */
export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** What the screen shows instead of the number: never a digit, not even the last four. */
export const MY_NUMBER_MASK = '●●●● ●●●● ●●●●';

export function maskMyNumber(_digits?: string | null): string {
  return MY_NUMBER_MASK;
}

/**
 * The legal basis chosen when My Number is acquired or kept (ACQ-4: only where the
 * My Number Act art. 19 allows; art. 20 forbids collecting or keeping it otherwise).
 * Item numbers of art. 19 have shifted with amendments, so they are named only
 * where stable (第3号: from the person or their representative); the others name
 * the case, and `other_law` leaves the exact provision to the recorded reason.
 */
export const MY_NUMBER_BASES = [
  'number_use_affairs',
  'number_related_affairs',
  'from_person',
  'outsourcing_succession',
  'information_network',
  'life_body_property',
  'other_law',
] as const;
export type MyNumberBasis = (typeof MY_NUMBER_BASES)[number];

export const MY_NUMBER_BASIS_LABELS: Readonly<Record<MyNumberBasis, string>> = {
  number_use_affairs:
    '個人番号利用事務として取得する場合（番号法第9条に基づき、同法別表又は条例等に定めのある事務に限る）',
  number_related_affairs: '個人番号関係事務として取得する場合（源泉徴収票・支払調書の作成等）',
  from_person: '本人又は代理人から提供を受ける場合（番号法第19条第3号）',
  outsourcing_succession: '個人番号利用事務等の委託又は事業の承継に伴い提供を受ける場合（番号法第19条）',
  information_network: '情報提供ネットワークシステムを通じて提供を受ける場合（番号法第19条）',
  life_body_property:
    '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意があり、又は本人の同意を得ることが困難であるとき（番号法第19条）',
  other_law: 'その他法令に基づく場合（番号法第19条各号に該当する場合に限る）',
};

export function isMyNumberBasis(code: string): code is MyNumberBasis {
  return (MY_NUMBER_BASES as readonly string[]).includes(code);
}
