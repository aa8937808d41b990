import type { InputHTMLAttributes } from 'react';
import { describedBy, Field, type FieldFrameProps } from './Field';

type InputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'className' | 'autoComplete' | 'autoCapitalize' | 'spellCheck' | 'inputMode'
>;

interface TextFieldProps extends FieldFrameProps, InputAttributes {
  value: string;
  onChange: (value: string) => void;
  /** Ids of further text describing the input, after the field's own hint and error. */
  describedByAlso?: string;
}

/** A labelled single-line input, wired to its hint and error by Field. */
export function TextField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  describedByAlso,
  ...input
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <input
          {...control}
          {...input}
          aria-describedby={describedBy(control['aria-describedby'], describedByAlso)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
