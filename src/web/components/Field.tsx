import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  required: boolean | undefined;
}

/** What a field shows around its control: a label, a hint, an error and the required mark. */
export interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A message for this field, from the server or from the form's own checks. */
  error?: string | undefined;
  required?: boolean;
}

interface FieldProps extends FieldFrameProps {
  children: (control: ControlProps) => ReactNode;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A labelled control with its hint and its error, wired together for assistive technology. */
export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <FieldLabel htmlFor={id} required={required}>
        {label}
      </FieldLabel>
      {hint ? (
        <p id={hintId ?? undefined} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId ?? ''} message={error} /> : null}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hintId, errorId),
        required: required || undefined,
      })}
    </div>
  );
}

/** A field's label, marked when the field must be filled in. */
export function FieldLabel({
  htmlFor,
  required,
  children,
}: {
  htmlFor: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {children}
      {required ? <span className="required-mark">必須</span> : null}
    </label>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">エラー: </span>
      {message}
    </p>
  );
}
