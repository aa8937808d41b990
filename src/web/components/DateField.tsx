import { useState, type ChangeEvent } from 'react';
import { formatGregorian, formatWareki, parseJapaneseDate } from '../../shared/wareki';
import { describedBy, FieldError, FieldLabel } from './Field';

export type DateStatus = 'empty' | 'valid' | 'invalid';

interface DateFieldProps {
  id: string;
  label: string;
  /** The starting date (YYYY-MM-DD). To reset the field, change its React key. */
  defaultValue?: string | null;
  /** The date as YYYY-MM-DD, or null when empty or not (yet) a date. */
  onChange: (value: string | null, status: DateStatus) => void;
  hint?: string;
  /** A message from the server or the form for this field. */
  error?: string | undefined;
  required?: boolean;
}

const DEFAULT_HINT = '例: 令和8年4月1日、R8.4.1、2026-04-01、20260401';

type Reading = { status: 'empty' } | { status: 'valid'; value: string } | { status: 'invalid'; message: string };

export type Parse = (text: string) => { ok: true; value: string } | { ok: false; message: string };

function read(text: string, parse: Parse): Reading {
  if (text.trim() === '') return { status: 'empty' };
  const parsed = parse(text);
  return parsed.ok ? { status: 'valid', value: parsed.value } : { status: 'invalid', message: parsed.message };
}

/**
 * A date typed the way it is written at a counter, in 和暦 or Gregorian. What the
 * field understood is shown beneath it in both calendars as the user types, so a
 * wrong era or year is caught before saving. A reading error appears once the user
 * leaves the field, not while they are still typing.
 */
export function DateField(props: DateFieldProps) {
  return (
    <CalendarField
      {...props}
      hint={props.hint ?? DEFAULT_HINT}
      parse={parseJapaneseDate}
      format={formatWareki}
      describe={(value) => `${formatWareki(value)}（${formatGregorian(value)}）`}
    />
  );
}

interface CalendarFieldProps extends DateFieldProps {
  hint: string;
  parse: Parse;
  /** The stored value as the field shows it to start with. */
  format: (value: string) => string;
  /** What the field understood, shown under it. */
  describe: (value: string) => string;
}

/** The field shared by dates and months: typed text, read as the user types, checked when they leave. */
export function CalendarField({
  id,
  label,
  defaultValue,
  onChange,
  hint,
  error,
  required,
  parse,
  format,
  describe,
}: CalendarFieldProps) {
  const [text, setText] = useState(() => (defaultValue ? format(defaultValue) : ''));
  const [touched, setTouched] = useState(false);
  const reading = read(text, parse);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setText(next);
    const r = read(next, parse);
    onChange(r.status === 'valid' ? r.value : null, r.status);
  };

  // A reading error is shown in the line under the input, which always keeps its
  // height: inserting it above on blur would move the button being clicked.
  const readingError =
    touched && reading.status === 'invalid'
      ? reading.message
      : touched && required && reading.status === 'empty'
        ? `「${label}」を入力してください`
        : null;
  const hintId = `${id}-hint`;
  const resultId = `${id}-result`;
  // The field's own reading is more precise than the form's message about the same date.
  const formError = readingError ? undefined : error;
  const errorId = formError ? `${id}-error` : null;
  const invalid = Boolean(readingError ?? formError);

  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      <p id={hintId} className="hint">
        {hint}
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
          describe(reading.value)
        ) : null}
      </p>
    </div>
  );
}
