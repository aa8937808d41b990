import { describe, expect, it } from 'vitest';
import { ageOn, formatDateTime, formatWareki, formatWarekiMonth, parseJapaneseDate, tokyoDate } from './wareki.js';

describe('和暦 dates', () => {
  it.each([
    ['2026-04-01', '令和8年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
  ])('%s → %s', (iso, expected) => {
    expect(formatWareki(iso)).toBe(expected);
  });

  it.each([
    ['2026-04', '令和8年4月'],
    ['2019-05', '令和元年5月'],
    ['2019-04', '平成31年4月'],
    ['2027-01', '令和9年1月'],
  ])('month %s → %s', (month, expected) => {
    expect(formatWarekiMonth(month)).toBe(expected);
  });

  it.each([
    ['令和8年4月1日', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.4.1', '2026-04-01'],
    ['r8/4/1', '2026-04-01'],
    ['S50.3.3', '1975-03-03'],
    ['H31-4-30', '2019-04-30'],
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    ['20260401', '2026-04-01'],
    ['２０２６－０４－０１', '2026-04-01'],
  ])('reads %s', (input, expected) => {
    expect(parseJapaneseDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['平成31年5月1日', '令和8年2月30日', '昭和65年1月1日', 'あした', '', '2026-13-01'])('refuses %s', (input) => {
    expect(parseJapaneseDate(input).ok).toBe(false);
  });

  it('instants are shown in Tokyo time', () => {
    expect(formatDateTime('2026-03-31T15:30:00Z')).toBe('令和8年4月1日 00:30');
    expect(tokyoDate('2026-03-31T15:30:00Z')).toBe('2026-04-01');
  });

  it('age in whole years', () => {
    expect(ageOn('1980-04-02', '2026-04-01')).toBe(45);
    expect(ageOn('1980-04-01', '2026-04-01')).toBe(46);
  });
});
