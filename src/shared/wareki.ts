// Japanese dates (ARCHITECTURE rule 9): 和暦 and Gregorian, for screens and documents.
// Plain dates are ISO strings (YYYY-MM-DD) with no time zone; instants are shown
// in Asia/Tokyo. Shared by the server (documents) and the browser (screens).

export const TIME_ZONE = 'Asia/Tokyo';

const warekiDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const tokyoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the string is a real calendar date in ISO form. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function utcNoon(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** 2026-04-01 → 令和8年4月1日 */
export function formatWareki(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  return warekiDate.format(utcNoon(isoDate));
}

/**
 * 2026-04 → 令和8年4月. The era is the one of the month's first day: a month in
 * which an era began reads in the era it began in.
 */
export function formatWarekiMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const first = formatWareki(`${month}-01`);
  return first.replace(/1日$/, '');
}

/** 2026-04-01 → 2026年4月1日 */
export function formatGregorian(isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The calendar date in Tokyo of an instant, as YYYY-MM-DD. */
export function tokyoDate(instant: Date | string): string {
  const parts = partsInTokyo(instant);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function partsInTokyo(instant: Date | string): Record<string, string> {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const out: Record<string, string> = {};
  for (const p of tokyoParts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** An instant in Tokyo time: 令和8年4月1日 09:05 */
export function formatDateTime(instant: Date | string, withSeconds = false): string {
  const p = partsInTokyo(instant);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${formatWareki(`${p.year}-${p.month}-${p.day}`)} ${time}`;
}

interface Era {
  name: string;
  letter: string;
  start: string; // first day, ISO
}

/** Eras from the Meiji calendar reform on; Meiji is counted from 1873 when the solar calendar began. */
export const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '明治', letter: 'M', start: '1868-10-23' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

export type DateParseResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a date as staff type it at a counter: 令和8年4月1日, 令和元年5月1日, R8.4.1,
 * S50/3/3, 2026-04-01, 2026/4/1, 2026年4月1日 or 20260401 (full-width digits too).
 */
export function parseJapaneseDate(input: string): DateParseResult {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, message: '日付を入力してください' };

  const eraMatch = /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(
    text,
  );
  if (eraMatch) {
    const [, eraText = '', yearText = '', monthText = '', dayText = ''] = eraMatch;
    const era = ERAS.find((e) => e.name === eraText || e.letter === eraText.toUpperCase());
    if (!era) return { ok: false, message: '元号を読み取れません' };
    const eraYear = yearText === '元' ? 1 : Number(yearText);
    const year = Number(era.start.slice(0, 4)) + eraYear - 1;
    const iso = `${year}-${pad(Number(monthText))}-${pad(Number(dayText))}`;
    if (!isIsoDate(iso)) return { ok: false, message: '存在しない日付です' };
    const next = ERAS[ERAS.indexOf(era) - 1];
    if (iso < era.start || (next && iso >= next.start)) {
      return { ok: false, message: `${era.name}${yearText}年${Number(monthText)}月${Number(dayText)}日は存在しません` };
    }
    return { ok: true, value: iso };
  }

  const western = /^(\d{4})[年./-]?(\d{1,2})[月./-]?(\d{1,2})日?$/.exec(text);
  if (western && (text.length === 8 || /[年./-]/.test(text))) {
    const [, y = '', m = '', d = ''] = western;
    const iso = `${y}-${pad(Number(m))}-${pad(Number(d))}`;
    if (!isIsoDate(iso)) return { ok: false, message: '存在しない日付です' };
    return { ok: true, value: iso };
  }
  return { ok: false, message: '日付の形式が正しくありません（例: 令和8年4月1日、R8.4.1、2026-04-01）' };
}

/** Age in whole years on a given date (both ISO). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
