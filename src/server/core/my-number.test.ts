import { describe, expect, it } from 'vitest';
import {
  isMyNumberBasis,
  isValidMyNumber,
  maskMyNumber,
  MY_NUMBER_BASES,
  MY_NUMBER_BASIS_LABELS,
  MY_NUMBER_MASK,
  myNumberCheckDigit,
  normalizeMyNumber,
} from './my-number.js';

// Valid numbers computed by hand from the ordinance's formula (weights from the
// right 2,3,4,5,6,7,2,3,4,5,6), with the remainder of the weighted sum mod 11.
const VALID = [
  ['123456789018', 3],
  ['111111111118', 3],
  ['987654321093', 8],
  ['314159265352', 9],
  ['202604010014', 7],
  ['555555555557', 4],
  ['100000000005', 6],
  ['000000000019', 2],
  ['271828182840', 1], // remainder 1 → check digit 0
  ['000000000000', 0], // remainder 0 → check digit 0
] as const;

describe('[ACQ-4] My Number input is normalised', () => {
  it.each([
    ['123456789018', '123456789018'],
    ['１２３４５６７８９０１８', '123456789018'],
    ['1234 5678 9018', '123456789018'],
    ['1234　5678　9018', '123456789018'],
    ['1234-5678-9018', '123456789018'],
    ['１２３４－５６７８－９０１８', '123456789018'],
    ['1234ー5678ー9018', '123456789018'],
    ['1234−5678‐9018', '123456789018'],
    [' 1234\t5678\n9018 ', '123456789018'],
    ['1234-5678-901X', '12345678901X'],
  ])('%j → %j', (input, normalized) => {
    expect(normalizeMyNumber(input)).toBe(normalized);
  });
});

describe('[ACQ-4] the check digit of the individual number (施行令第8条・総務省令)', () => {
  it.each(VALID)('%s is valid (remainder %i)', (digits) => {
    expect(myNumberCheckDigit(digits.slice(0, 11))).toBe(Number(digits[11]));
    expect(isValidMyNumber(digits)).toBe(true);
  });

  it.each([
    ['123456789019', 'wrong check digit'],
    ['123456789010', 'check digit 0 where 8 is due'],
    ['12345678901', 'eleven digits'],
    ['1234567890181', 'thirteen digits'],
    ['1234 5678 9018', 'not normalised'],
    ['１２３４５６７８９０１８', 'full-width, not normalised'],
    ['12345678901a', 'a letter'],
    ['', 'empty'],
  ])('%j is invalid (%s)', (digits) => {
    expect(isValidMyNumber(digits)).toBe(false);
  });

  it('every one-digit error in 123456789018 is caught', () => {
    const valid = '123456789018';
    let variants = 0;
    for (let i = 0; i < 12; i++) {
      for (const d of '0123456789') {
        if (d === valid[i]) continue;
        const changed = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        expect(isValidMyNumber(changed), changed).toBe(false);
        variants++;
      }
    }
    expect(variants).toBe(108);
  });

  it.each(['213456789018', '132456789018', '123456789108', '123456789081'])(
    'a transposition of neighbours in 123456789018 is caught: %s',
    (digits) => {
      expect(isValidMyNumber(digits)).toBe(false);
    },
  );

  it('the formula’s known blind spot: remainders 0 and 1 share check digit 0', () => {
    // 271828182840 (remainder 1) and 071828182840 (remainder 0) differ in one digit
    // and are both valid: the check digit cannot catch every typing error.
    expect(isValidMyNumber('271828182840')).toBe(true);
    expect(isValidMyNumber('071828182840')).toBe(true);
  });

  it('the check digit needs exactly eleven digits', () => {
    expect(() => myNumberCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => myNumberCheckDigit('1234567890a')).toThrow(RangeError);
  });
});

describe('[PRV-4][SEC-8] My Number is masked on screen', () => {
  it.each([['123456789018'], [null], [undefined], ['']])('%j → the mask, with no digit', (value) => {
    const masked = maskMyNumber(value);
    expect(masked).toBe('●●●● ●●●● ●●●●');
    expect(masked).toBe(MY_NUMBER_MASK);
    expect(masked).not.toMatch(/[0-9０-９]/);
  });
});

describe('[ACQ-4] the legal bases for acquiring My Number (番号法第19条)', () => {
  it('every basis has a Japanese label naming the My Number Act or the affairs', () => {
    for (const b of MY_NUMBER_BASES) {
      expect(MY_NUMBER_BASIS_LABELS[b]).toMatch(/[\u4e00-\u9fff]/);
      expect(MY_NUMBER_BASIS_LABELS[b]).not.toMatch(/[()]/);
    }
    expect(MY_NUMBER_BASIS_LABELS.from_person).toBe('本人又は代理人から提供を受ける場合（番号法第19条第3号）');
  });

  it.each([
    ['from_person', true],
    ['other_law', true],
    ['consent', false],
    ['', false],
  ])('%j is a basis → %s', (code, expected) => {
    expect(isMyNumberBasis(code)).toBe(expected);
  });
});
