import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary';
import { fieldIdsFor } from './formProblem';
import type { FormKit } from './useFormKit';

export interface KitFormProps<S> {
  kit: FormKit<S>;
  onSubmit: (event: FormEvent) => void;
  /** The id of the form's heading, for assistive technology. */
  labelledBy?: string;
  /** The form's name for assistive technology, for a form without a heading. */
  label?: string;
  className?: string;
  children: ReactNode;
}

/**
 * The one way a form made with useFormKit shows its refusal and is wired for
 * assistive technology: the refusal summarised at its top (taking focus, with a
 * link to each field at fault), the kit's id, and a name from its heading or a
 * label. The browser's own checks are off; the kit checks.
 */
export function KitForm<S>({ kit, onSubmit, labelledBy, label, className, children }: KitFormProps<S>) {
  return (
    <form
      className={className}
      id={kit.formId}
      aria-labelledby={labelledBy}
      aria-label={label}
      noValidate
      onSubmit={onSubmit}
    >
      <ErrorSummary problem={kit.problem} fieldIds={fieldIdsFor(kit.formId, kit.problem)} />
      {children}
    </form>
  );
}
