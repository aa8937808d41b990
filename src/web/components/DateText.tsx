import { formatGregorian, formatWareki, isIsoDate } from '../../shared/wareki';

interface DateTextProps {
  /** A plain date, YYYY-MM-DD. */
  value: string | null | undefined;
  /** 'year': 令和8年4月1日（2026年）; 'full': 令和8年4月1日（2026年4月1日）. */
  variant?: 'year' | 'full';
  /** Shown when there is no date. */
  empty?: string;
}

export function dateBoth(value: string, variant: 'year' | 'full' = 'year'): string {
  if (!isIsoDate(value)) return value;
  const western = variant === 'full' ? formatGregorian(value) : `${value.slice(0, 4)}年`;
  return `${formatWareki(value)}（${western}）`;
}

/** A date as staff read it: 和暦 first, with the Gregorian year (or date) beside it. */
export function DateText({ value, variant = 'year', empty = '未登録' }: DateTextProps) {
  if (!value) return <span className="muted">{empty}</span>;
  if (!isIsoDate(value)) return <span>{value}</span>;
  return (
    <time dateTime={value} title={formatGregorian(value)}>
      {dateBoth(value, variant)}
    </time>
  );
}
