import { describe, expect, it } from 'vitest';
import { digitsKey, isKana, kanaKey, nameKey, prefixRange } from './search-key.js';

describe('[BIZ-6] search keys meet however a name was typed', () => {
  it.each(['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ たろう', 'ヤマダタロウ', 'ヤマダ　タロウ', 'やまだ・たろう'])(
    '%s has the kana key ヤマダタロウ',
    (typed) => {
      expect(kanaKey(typed)).toBe('ヤマダタロウ');
      expect(isKana(typed)).toBe(true);
    },
  );

  it('kanji keep their form, width and spaces do not matter', () => {
    expect(nameKey('山田　太郎')).toBe(nameKey('山田 太郎'));
    expect(nameKey('山田太郎')).toBe('山田太郎');
    expect(nameKey('ＹＡＭＡＤＡ')).toBe('yamada');
    expect(isKana('山田太郎')).toBe(false);
  });

  it('small kana and ヂ・ヅ are written either way', () => {
    expect(kanaKey('しょうた')).toBe(kanaKey('シヨウタ'));
    expect(kanaKey('ミヅキ')).toBe(kanaKey('みずき'));
  });

  it('the range of keys with a prefix', () => {
    expect(prefixRange('ヤマダ')).toEqual(['ヤマダ', 'ヤマチ']);
    expect(prefixRange('山')).toEqual(['山', '屲']);
  });

  it('phone numbers are compared by their digits, full-width or not', () => {
    expect(digitsKey('０９０－１２３４－５６７８')).toBe('09012345678');
    expect(digitsKey('(03) 1234-5678')).toBe('0312345678');
  });
});
