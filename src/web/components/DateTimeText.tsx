import { formatDateTime, formatGregorian, tokyoDate } from '../../shared/wareki';

interface DateTimeTextProps {
  /** An instant (ISO 8601 with zone), shown in Tokyo time. */
  value: string | null | undefined;
  withSeconds?: boolean;
  empty?: string;
}

/** An instant as 令和8年4月1日 09:05, with the Gregorian date in the tooltip. */
export function DateTimeText({ value, withSeconds = false, empty = '—' }: DateTimeTextProps) {
  if (!value) return <span className="muted">{empty}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  const text = formatDateTime(date, withSeconds);
  const time = text.slice(text.lastIndexOf(' ') + 1);
  return (
    <time dateTime={date.toISOString()} title={`${formatGregorian(tokyoDate(date))} ${time}`}>
      {text}
    </time>
  );
}
