import { useState, type ChangeEvent } from 'react';
import { formatWarekiMonth, parseJapaneseDate } from '../../shared/wareki';
import { describedBy, FieldError, FieldLabel } from './Field';
import type { DateStatus } from './DateField';

type Reading = { status: 'empty' } | { status: 'valid'; value: string } | { status: 'invalid'; message: string };

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

function read(text: string): Reading {
  if (text.trim() === '') return { status: 'empty' };
  const parsed = parseMonth(text);
  return parsed.ok ? { status: 'valid', value: parsed.value } : { status: 'invalid', message: parsed.message };
}

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
export function MonthField({ id, label, defaultValue, onChange, hint, error, required }: MonthFieldProps) {
  const [text, setText] = useState(() => (defaultValue ? formatMonth(defaultValue) : ''));
  const [touched, setTouched] = useState(false);
  const reading = read(text);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setText(next);
    const r = read(next);
    onChange(r.status === 'valid' ? r.value : null, r.status);
  };

  const readingError =
    touched && reading.status === 'invalid'
      ? reading.message
      : touched && required && reading.status === 'empty'
        ? `「${label}」を入力してください`
        : null;
  const hintId = `${id}-hint`;
  const resultId = `${id}-result`;
  const formError = readingError ? undefined : error;
  const errorId = formError ? `${id}-error` : null;
  const invalid = Boolean(readingError ?? formError);
  const [y, m] = reading.status === 'valid' ? reading.value.split('-') : [];

  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <p id={hintId} className="hint">
        {hint ?? '例: 令和8年4月、R8.4、2026-04'}
      </p>
      {formError && errorId ? <FieldError id={errorId} message={formError} /> : null}
      <input
        id={id}
        type="text"
        className="input input--date"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={handleChange}
        onBlur={() => setTouched(true)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy(hintId, resultId, errorId)}
        required={required}
      />
      <p id={resultId} className={readingError ? 'date-result date-result--error' : 'date-result'} aria-live="polite">
        {readingError ? (
          <>
            <span className="visually-hidden">エラー: </span>
            {readingError}
          </>
        ) : reading.status === 'valid' ? (
          `${formatMonth(reading.value)}（${y}年${Number(m)}月）`
        ) : null}
      </p>
    </div>
  );
}
