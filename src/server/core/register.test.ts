import { describe, expect, it } from 'vitest';
import {
  checkRegisterChange,
  REGISTER_CHANGE_KINDS,
  REGISTER_CHANGE_LABELS,
  REGISTER_STATE_LABELS,
  registerKeepUntil,
  registerStandingOn,
  type RegisterVersionFacts,
} from './register.js';

const start = (effectiveOn: string): RegisterVersionFacts => ({
  version: 1,
  changeKind: 'start',
  effectiveOn,
  keepUntil: null,
});
const change = (version: number, effectiveOn: string): RegisterVersionFacts => ({
  version,
  changeKind: 'change',
  effectiveOn,
  keepUntil: null,
});
const abolition = (version: number, effectiveOn: string, years: number): RegisterVersionFacts => ({
  version,
  changeKind: 'abolition',
  effectiveOn,
  keepUntil: registerKeepUntil(effectiveOn, years),
});

describe('[RET-4] how long an abolished entry stays in the register', () => {
  it.each([
    ['the end of a fiscal year, 5 years', '2026-03-31', 5, '2031-03-31'],
    ['an ordinary day, 5 years', '2026-04-10', 5, '2031-04-10'],
    ['1 year', '2026-11-22', 1, '2027-11-22'],
    ['0 years: only the day of abolition', '2026-11-22', 0, '2026-11-22'],
    ['a leap day (start 1 March): through the end of February', '2028-02-29', 5, '2033-02-28'],
    ['28 February before a leap year: through the leap day', '2023-02-28', 5, '2028-02-29'],
    ['the last day of a year', '2026-12-31', 3, '2029-12-31'],
    ['30 years', '2026-04-01', 30, '2056-04-01'],
  ])('%s: abolished %s, %i years → listed through %s', (_label, abolishedOn, years, until) => {
    expect(registerKeepUntil(abolishedOn, years)).toBe(until);
  });

  it.each([
    ['not a date', '2026-02-30', 5],
    ['a Japanese date', '令和8年4月1日', 5],
    ['negative years', '2026-04-01', -1],
    ['a fraction of a year', '2026-04-01', 1.5],
    ['more than the table allows', '2026-04-01', 101],
  ])('refuses %s', (_label, on, years) => {
    expect(() => registerKeepUntil(on, years)).toThrow(RangeError);
  });
});

describe('[PUR-5][RET-4] what the register lists on a date', () => {
  const history = [start('2020-04-01'), change(2, '2024-04-01'), abolition(3, '2026-03-31', 5)];
  it.each([
    ['before the start: announced', [start('2026-12-01')], '2026-11-22', 'scheduled', true, null, [1]],
    ['on the day of the start', [start('2026-12-01')], '2026-12-01', 'in_use', true, 1, []],
    [
      'started, a change not yet in force',
      [start('2020-04-01'), change(2, '2027-04-01')],
      '2026-11-22',
      'in_use',
      true,
      1,
      [2],
    ],
    ['after a change', history.slice(0, 2), '2025-01-01', 'in_use', true, 2, []],
    ['the day before abolition', history, '2026-03-30', 'in_use', true, 2, [3]],
    ['on the day of abolition', history, '2026-03-31', 'abolished', true, 3, []],
    ['within the retention period', history, '2028-06-01', 'abolished', true, 3, []],
    ['on the last day of retention', history, '2031-03-31', 'abolished', true, 3, []],
    ['the day after retention ends: history only', history, '2031-04-01', 'expired', false, 3, []],
    [
      'abolished with no retention, next day',
      [start('2020-04-01'), abolition(2, '2026-11-21', 0)],
      '2026-11-22',
      'expired',
      false,
      2,
      [],
    ],
    [
      'abolished with no retention, same day',
      [start('2020-04-01'), abolition(2, '2026-11-22', 0)],
      '2026-11-22',
      'abolished',
      true,
      2,
      [],
    ],
  ] as const)('%s → %s (listed: %s)', (_label, versions, on, state, listed, current, scheduled) => {
    const standing = registerStandingOn(versions, on);
    expect(standing).toMatchObject({ state, listed, current, scheduled: [...scheduled] });
  });

  it('names the day of abolition and the end of retention, also before the abolition applies', () => {
    expect(registerStandingOn(history, '2025-01-01')).toMatchObject({
      abolishedOn: '2026-03-31',
      keepUntil: '2031-03-31',
    });
    expect(registerStandingOn(history.slice(0, 2), '2025-01-01')).toMatchObject({ abolishedOn: null, keepUntil: null });
  });

  it('reads the versions in their order whatever order they come in', () => {
    expect(registerStandingOn([...history].reverse(), '2028-06-01')).toMatchObject({ state: 'abolished', current: 3 });
  });

  it('every change kind and state has a Japanese label', () => {
    for (const k of REGISTER_CHANGE_KINDS) expect(REGISTER_CHANGE_LABELS[k]).toMatch(/[\u4e00-\u9fff]/);
    for (const s of ['scheduled', 'in_use', 'abolished', 'expired'] as const) {
      expect(REGISTER_STATE_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('[PUR-5] which changes may be recorded', () => {
  const running = [start('2020-04-01'), change(2, '2024-04-01')];
  it.each([
    ['a change after the last one', running, 'change', '2026-11-22', 5, null],
    ['a change on the same day as the last one', running, 'change', '2024-04-01', 5, null],
    ['an abolition with 5 years', running, 'abolition', '2026-03-31', 5, '2031-03-31'],
    ['an abolition with no retention', running, 'abolition', '2026-03-31', 0, '2026-03-31'],
  ] as const)('%s → allowed', (_label, versions, kind, effectiveOn, years, keepUntil) => {
    expect(checkRegisterChange(versions, { kind, effectiveOn, retentionYears: years })).toEqual({
      ok: true,
      keepUntil,
    });
  });

  it.each([
    [
      'a change dated before the last one',
      running,
      'change',
      '2024-03-31',
      'too_early',
      /「変更日」は前回の届出の日（令和6年4月1日）以降/,
    ],
    ['an abolition dated before the last one', running, 'abolition', '2023-01-01', 'too_early', /「廃止日」/],
    [
      'a change of an abolished entry',
      [...running, abolition(3, '2026-03-31', 5)],
      'change',
      '2026-11-22',
      'abolished',
      /廃止日: 令和8年3月31日/,
    ],
    [
      'a change of an entry abolished from a later date',
      [...running, abolition(3, '2099-03-31', 5)],
      'change',
      '2026-11-22',
      'abolished',
      /廃止した業務は変更も廃止もできません/,
    ],
    ['a second abolition', [...running, abolition(3, '2026-03-31', 5)], 'abolition', '2026-11-22', 'abolished', /廃止/],
    ['an entry with no versions', [], 'change', '2026-11-22', 'not_started', /開始が記録されていません/],
  ] as const)('%s → refused (%s)', (_label, versions, kind, effectiveOn, code, message) => {
    const result = checkRegisterChange(versions, { kind, effectiveOn, retentionYears: 5 });
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});
