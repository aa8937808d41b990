import { useCallback, useEffect, useRef, useState } from 'react';
import { Notice } from './Notice';

/**
 * A success message after a save. The form that was sent is usually replaced by
 * the saved record, so focus moves to the message instead of being lost. The
 * message belongs to the part of the page it was said in (a tab): it is not shown
 * once another part is opened.
 */
export function useAnnouncer(scope = '') {
  const [message, setMessage] = useState<{ text: string; n: number; scope: string } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message]);
  const announce = useCallback(
    (text: string, at?: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1, scope: at ?? scope })),
    [scope],
  );
  const element =
    message && message.scope === scope ? (
      <div ref={box} tabIndex={-1} className="announcer" key={message.n}>
        <Notice kind="success">{message.text}</Notice>
      </div>
    ) : null;
  return { element, announce };
}
