import type { ReactNode } from 'react';

interface SubmitRowProps {
  label: string;
  /** Shown on the button while the form is being sent; the label stays when not given. */
  busyLabel?: string;
  busy: boolean;
  /** Further actions beside the submit button, such as a way out of the form. */
  children?: ReactNode;
}

/** A form's submit button, disabled while the form is being sent, with any other actions beside it. */
export function SubmitRow({ label, busyLabel, busy, children }: SubmitRowProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={busy}>
        {busy && busyLabel ? busyLabel : label}
      </button>
      {children}
    </div>
  );
}
