import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ConfirmActionProps {
  /** The button that starts the action. */
  label: string;
  /** What will happen, asked before doing it. */
  question: ReactNode;
  /** The button that does it. */
  confirmLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => Promise<void>;
}

/**
 * A button whose action needs a second, deliberate step. The confirmation opens
 * in place with focus on 「やめる」, the safe choice; cancelling returns focus
 * to the button that opened it.
 */
export function ConfirmAction({ label, question, confirmLabel, danger, disabled, onConfirm }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const questionId = useId();

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className={danger ? 'button button--danger-outline' : 'button button--secondary'}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }

  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="confirm-question">
        {question}
      </p>
      <div className="button-row">
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button'}
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? '処理しています…' : confirmLabel}
        </button>
        <button
          ref={cancel}
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => {
            returnFocus.current = true;
            setAsking(false);
          }}
        >
          やめる
        </button>
      </div>
    </div>
  );
}
