import { formatWarekiMonth, parseJapaneseDate } from '../../shared/wareki';
import { CalendarField, type DateStatus } from './DateField';

/**
 * Reads a month as written at a counter: 令和8年4月, R8.4, 2026-04, 2026/4,
 * 2026年4月 or 202604. Returns YYYY-MM.
 */
export function parseMonth(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, message: '月を入力してください' };
  let asDate: string;
  if (/^\d{6}$/.test(text)) asDate = `${text}01`;
  else if (text.endsWith('月')) asDate = `${text}1日`;
  else {
    const separator = /[./-]/.exec(text)?.[0];
    if (!separator) return { ok: false, message: '月の形式が正しくありません（例: 令和8年4月、R8.4、2026-04）' };
    asDate = `${text}${separator}1`;
  }
  const parsed = parseJapaneseDate(asDate);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.message.includes('形式')
        ? '月の形式が正しくありません（例: 令和8年4月、R8.4、2026-04）'
        : parsed.message.replace(/1日/, ''),
    };
  }
  return { ok: true, value: parsed.value.slice(0, 7) };
}

/** 2026-04 → 令和8年4月 */
export const formatMonth = formatWarekiMonth;

interface MonthFieldProps {
  id: string;
  label: string;
  /** The starting month (YYYY-MM). */
  defaultValue?: string | null;
  onChange: (value: string | null, status: DateStatus) => void;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
}

/** A month typed in 和暦 or Gregorian, with what was understood shown beneath it (as DateField). */
export function MonthField(props: MonthFieldProps) {
  return (
    <CalendarField
      {...props}
      hint={props.hint ?? '例: 令和8年4月、R8.4、2026-04'}
      parse={parseMonth}
      format={formatMonth}
      describe={(value) => {
        const [y, m] = value.split('-');
        return `${formatMonth(value)}（${y}年${Number(m)}月）`;
      }}
    />
  );
}
