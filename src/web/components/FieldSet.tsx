import type { ReactNode } from 'react';
import { FieldError } from './Field';

interface FieldSetProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: ReactNode;
}

/** A group of checkboxes or radios under one question. */
export function FieldSet({ id, legend, hint, error, required, children }: FieldSetProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="field-label">
        {legend}
        {required ? <span className="required-mark">必須</span> : null}
      </legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error && errorId ? <FieldError id={errorId} message={error} /> : null}
      {children}
    </fieldset>
  );
}
