// The register of operations handling personal information (個人情報ファイル簿 /
// 個人情報取扱業務概要説明書, PUR-5). Each operation's start, change and abolition is
// a version of its entry, never an edit. An abolished entry stays in the register,
// for inspection, until the retention of the operation's data ends; after that it
// is taken out of the register and kept only in the history (S2 §6-2(4), RET-4).
// Pure rules: what the register lists on a date, and which changes may be made.

import { formatWareki, isIsoDate } from '../../shared/wareki.js';
import { addDays } from './attention.js';

export const REGISTER_CHANGE_KINDS = ['start', 'change', 'abolition'] as const;
export type RegisterChangeKind = (typeof REGISTER_CHANGE_KINDS)[number];

export const REGISTER_CHANGE_LABELS: Readonly<Record<RegisterChangeKind, string>> = {
  start: '開始',
  change: '変更',
  abolition: '廃止',
};

/** The most years a retention period may run (as the table allows). */
export const MAX_RETENTION_YEARS = 100;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last day an abolished entry stays in the register (RET-4): the retention
 * period of its data, counted from the day of abolition as the Civil Code counts
 * a period in years. The day of abolition is not counted (art. 140); the period
 * ends on the day before the corresponding day of the last year (art. 143(2)),
 * or on the last day of that month when the year has no such day. An operation
 * abolished on 31 March 2026 with 5 years' retention stays through 31 March 2031;
 * with 0 years only through the day of abolition itself.
 */
export function registerKeepUntil(abolishedOn: string, retentionYears: number): string {
  if (!isIsoDate(abolishedOn)) throw new RangeError(`Not a date (YYYY-MM-DD): ${abolishedOn}`);
  if (!Number.isInteger(retentionYears) || retentionYears < 0 || retentionYears > MAX_RETENTION_YEARS) {
    throw new RangeError(`Not a retention period in years: ${retentionYears}`);
  }
  if (retentionYears === 0) return abolishedOn;
  const start = addDays(abolishedOn, 1);
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const year = sy + retentionYears;
  const month = String(sm).padStart(2, '0');
  if (sd > daysInMonth(year, sm)) return `${year}-${month}-${String(daysInMonth(year, sm)).padStart(2, '0')}`;
  return addDays(`${year}-${month}-${String(sd).padStart(2, '0')}`, -1);
}

/** What the rules need of a version. */
export interface RegisterVersionFacts {
  version: number;
  changeKind: RegisterChangeKind;
  effectiveOn: string;
  /** Set on an abolition only: the last day the entry stays in the register. */
  keepUntil: string | null;
}

/**
 * Where an entry stands on a date:
 * - scheduled: its start is recorded for a later date (listed, as announced);
 * - in_use: started and not abolished;
 * - abolished: abolished, still listed until its data's retention ends (RET-4);
 * - expired: abolished and past that day: only in the history.
 */
export type RegisterState = 'scheduled' | 'in_use' | 'abolished' | 'expired';

export const REGISTER_STATE_LABELS: Readonly<Record<RegisterState, string>> = {
  scheduled: '開始前',
  in_use: '利用中',
  abolished: '廃止（保存期間中）',
  expired: '廃止（保存期間経過）',
};

export interface RegisterStanding {
  state: RegisterState;
  /** Whether the register lists the entry on the date. */
  listed: boolean;
  /** The version in force on the date; null before the start. */
  current: number | null;
  /** Versions recorded for a later date, oldest first. */
  scheduled: number[];
  /** The day of abolition, once an abolition is recorded (in force or scheduled). */
  abolishedOn: string | null;
  keepUntil: string | null;
}

function byVersion<T extends { version: number }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => a.version - b.version);
}

/** Where an entry stands on `on` (YYYY-MM-DD), from all its versions. */
export function registerStandingOn(versions: readonly RegisterVersionFacts[], on: string): RegisterStanding {
  const sorted = byVersion(versions);
  // A later version never takes effect before an earlier one (checkRegisterChange),
  // so the version in force is the last one whose day has come.
  const effective = sorted.filter((v) => v.effectiveOn <= on);
  const current = effective.at(-1) ?? null;
  const scheduled = sorted.filter((v) => v.effectiveOn > on).map((v) => v.version);
  const abolition = sorted.find((v) => v.changeKind === 'abolition') ?? null;
  const base = {
    current: current?.version ?? null,
    scheduled,
    abolishedOn: abolition?.effectiveOn ?? null,
    keepUntil: abolition?.keepUntil ?? null,
  };
  if (!current) return { ...base, state: 'scheduled', listed: true };
  if (current.changeKind !== 'abolition') return { ...base, state: 'in_use', listed: true };
  const keepUntil = current.keepUntil ?? current.effectiveOn;
  return on <= keepUntil ? { ...base, state: 'abolished', listed: true } : { ...base, state: 'expired', listed: false };
}

export type RegisterChangeCheck =
  | { ok: true; keepUntil: string | null }
  | { ok: false; code: 'abolished' | 'not_started' | 'too_early'; field: string; message: string };

/**
 * Whether a change or an abolition may be recorded after the versions there are.
 * An abolished entry (even one abolished from a later date) is closed: a further
 * change is refused, since the operation no longer runs. A version takes effect no
 * earlier than the one before it, so the history reads in order. An abolition
 * sets how long the entry stays listed: its data's retention (RET-4).
 */
export function checkRegisterChange(
  versions: readonly RegisterVersionFacts[],
  change: { kind: Exclude<RegisterChangeKind, 'start'>; effectiveOn: string; retentionYears: number },
): RegisterChangeCheck {
  const sorted = byVersion(versions);
  const latest = sorted.at(-1);
  if (!latest) {
    return { ok: false, code: 'not_started', field: 'entryId', message: 'この業務の開始が記録されていません' };
  }
  const abolition = sorted.find((v) => v.changeKind === 'abolition');
  if (abolition) {
    return {
      ok: false,
      code: 'abolished',
      field: 'effectiveOn',
      message: `この業務は廃止されています（廃止日: ${formatWareki(abolition.effectiveOn)}）。廃止した業務は変更も廃止もできません。業務を再開するときは、新たに開始を届け出てください`,
    };
  }
  const label = change.kind === 'abolition' ? '廃止日' : '変更日';
  if (change.effectiveOn < latest.effectiveOn) {
    return {
      ok: false,
      code: 'too_early',
      field: 'effectiveOn',
      message: `「${label}」は前回の届出の日（${formatWareki(latest.effectiveOn)}）以降の日付にしてください`,
    };
  }
  return {
    ok: true,
    keepUntil: change.kind === 'abolition' ? registerKeepUntil(change.effectiveOn, change.retentionYears) : null,
  };
}
