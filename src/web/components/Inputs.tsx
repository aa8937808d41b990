// Inputs bound to a form's values by field name (see useFormKit): each has a real
// label, its hint and its error wired for assistive technology, and its element id
// made from the form's id and the field's name, so the error summary links to it.

import type { ReactNode } from 'react';
import type { Choice } from '../../shared/catalog';
import { DateField, type DateStatus } from './DateField';
import { describedBy, Field, FieldError } from './Field';
import { FieldSet } from './FieldSet';
import { MonthField } from './MonthField';
import type { FormKit } from './useFormKit';

/** The names of the fields of S whose values are of type V. */
export type FieldsOf<S, V> = { [K in keyof S]-?: S[K] extends V ? K : never }[keyof S] & string;

interface BaseProps<S, V> {
  kit: FormKit<S>;
  name: FieldsOf<S, V>;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
}

function read<S, V>(kit: FormKit<S>, name: FieldsOf<S, V>): V {
  return kit.values[name] as unknown as V;
}

function write<S, V>(kit: FormKit<S>, name: FieldsOf<S, V>, value: V): void {
  kit.set(name, value as unknown as S[typeof name]);
}

interface TextInputProps<S> extends BaseProps<S, string> {
  className?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  type?: 'text' | 'tel' | 'email';
  autoComplete?: string;
}

export function TextInput<S>({
  kit,
  name,
  label,
  hint,
  required,
  className,
  inputMode,
  type,
  autoComplete,
}: TextInputProps<S>) {
  return (
    <Field id={kit.id(name)} label={label} hint={hint} error={kit.error(name)} required={required}>
      {(control) => (
        <input
          {...control}
          type={type ?? 'text'}
          className={className ?? 'input input--wide'}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          value={read<S, string>(kit, name)}
          onChange={(e) => write<S, string>(kit, name, e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaInput<S>({
  kit,
  name,
  label,
  hint,
  required,
  rows = 4,
}: BaseProps<S, string> & { rows?: number }) {
  return (
    <Field id={kit.id(name)} label={label} hint={hint} error={kit.error(name)} required={required}>
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={rows}
          value={read<S, string>(kit, name)}
          onChange={(e) => write<S, string>(kit, name, e.target.value)}
        />
      )}
    </Field>
  );
}

interface SelectInputProps<S> extends BaseProps<S, string> {
  choices: readonly Choice[];
  /** The option for "nothing chosen" (value ''); left out when the field is required and has a value. */
  emptyLabel?: string;
}

export function SelectInput<S>({
  kit,
  name,
  label,
  hint,
  required,
  choices,
  emptyLabel = '選択してください',
}: SelectInputProps<S>) {
  const value = read<S, string>(kit, name);
  return (
    <Field id={kit.id(name)} label={label} hint={hint} error={kit.error(name)} required={required}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={value}
          onChange={(e) => write<S, string>(kit, name, e.target.value)}
        >
          {!required || value === '' ? <option value="">{emptyLabel}</option> : null}
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface RadioInputProps<S> extends Omit<BaseProps<S, string>, 'label'> {
  legend: ReactNode;
  choices: readonly Choice[];
  /** An option meaning "not recorded" (value ''), for a field that may stay empty. */
  emptyLabel?: string;
  inline?: boolean;
}

export function RadioInput<S>({ kit, name, legend, hint, required, choices, emptyLabel, inline }: RadioInputProps<S>) {
  const value = read<S, string>(kit, name);
  const options = emptyLabel ? [...choices, { code: '', label: emptyLabel }] : choices;
  return (
    <FieldSet id={kit.id(name)} legend={legend} hint={hint} error={kit.error(name)} required={required}>
      <div className={inline ? 'choice-row' : 'checkbox-grid'}>
        {options.map((c) => {
          const id = `${kit.id(name)}-${c.code || 'none'}`;
          return (
            <div className="checkbox" key={c.code || 'none'}>
              <input
                id={id}
                type="radio"
                name={kit.id(name)}
                value={c.code}
                checked={value === c.code}
                onChange={() => write<S, string>(kit, name, c.code)}
              />
              <label htmlFor={id}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </FieldSet>
  );
}

interface ChecksInputProps<S> extends Omit<BaseProps<S, string[]>, 'label'> {
  legend: ReactNode;
  choices: readonly Choice[];
}

/** Several choices under one question; the values keep the order of the choices. */
export function ChecksInput<S>({ kit, name, legend, hint, required, choices }: ChecksInputProps<S>) {
  const value = read<S, string[]>(kit, name);
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...value, code] : value.filter((v) => v !== code);
    write<S, string[]>(
      kit,
      name,
      choices.map((c) => c.code).filter((c) => next.includes(c)),
    );
  };
  return (
    <FieldSet
      id={kit.id(name)}
      legend={legend}
      hint={hint ?? '複数選べます。'}
      error={kit.error(name)}
      required={required}
    >
      <div className="checkbox-grid">
        {choices.map((c) => {
          const id = `${kit.id(name)}-${c.code}`;
          return (
            <div className="checkbox" key={c.code}>
              <input
                id={id}
                type="checkbox"
                checked={value.includes(c.code)}
                onChange={(e) => toggle(c.code, e.target.checked)}
              />
              <label htmlFor={id}>{c.label}</label>
            </div>
          );
        })}
      </div>
    </FieldSet>
  );
}

/** One yes-or-no question as a checkbox; its hint is below it, not part of its name. */
export function CheckInput<S>({ kit, name, label, hint }: Omit<BaseProps<S, boolean>, 'required'>) {
  const id = kit.id(name);
  const error = kit.error(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error && errorId ? <FieldError id={errorId} message={error} /> : null}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={read<S, boolean>(kit, name)}
          onChange={(e) => write<S, boolean>(kit, name, e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="hint hint--checkbox">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface DateInputProps<S> extends BaseProps<S, string | null> {
  label: string;
}

/** The props a date or month field takes from the form kit: value, error, and the note of an unreadable entry. */
function calendarProps<S>({ kit, name, label, hint, required }: DateInputProps<S>) {
  return {
    id: kit.id(name),
    label,
    hint: hint as string | undefined,
    required,
    defaultValue: read<S, string | null>(kit, name),
    error: kit.error(name),
    onChange: (value: string | null, status: DateStatus) => {
      write<S, string | null>(kit, name, value);
      kit.noteDate(name, label, status);
    },
  };
}

/** A date typed in 和暦 or Gregorian; an unreadable date keeps the form from being sent. */
export function DateInput<S>(props: DateInputProps<S>) {
  return <DateField {...calendarProps(props)} />;
}

/** A month (YYYY-MM) typed as 令和8年4月, R8.4 or 2026-04. */
export function MonthInput<S>(props: DateInputProps<S>) {
  return <MonthField {...calendarProps(props)} />;
}

interface AmountInputProps<S> extends BaseProps<S, string> {
  unit?: string;
  /** A balance may be below zero; an amount owed may not. */
  signed?: boolean;
}

/** A whole number of yen (or months), typed with or without commas. */
export function AmountInput<S>({ kit, name, label, hint, required, unit = '円', signed }: AmountInputProps<S>) {
  return (
    <Field id={kit.id(name)} label={label} hint={hint} error={kit.error(name)} required={required}>
      {(control) => (
        <span className="input-with-unit">
          <input
            {...control}
            type="text"
            inputMode={signed ? 'text' : 'numeric'}
            className="input input--amount"
            autoComplete="off"
            value={read<S, string>(kit, name)}
            onChange={(e) => write<S, string>(kit, name, e.target.value)}
          />
          <span aria-hidden="true">{unit}</span>
        </span>
      )}
    </Field>
  );
}

/** A typed amount as a whole number: full-width digits, commas and 円 allowed; null when it is not one. */
export function parseAmount(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/[,\s円]/g, '')
    .replace(/^[−ー–]/, '-');
  if (t === '') return 0;
  if (!/^-?\d{1,10}$/.test(t)) return null;
  return Number(t);
}

/** The form's check of an amount field: a message, or nothing. */
export function amountProblem(label: string, text: string, signed = false): string | null {
  const n = parseAmount(text);
  if (n === null) return `「${label}」は数字で入力してください`;
  if (!signed && n < 0) return `「${label}」は0以上にしてください`;
  return null;
}
