import { useEffect, useRef, type MouseEvent } from 'react';
import type { FormProblem } from './formProblem';

interface ErrorSummaryProps {
  problem: FormProblem | null;
  /** Element ids of the form's fields by field name, for links from the summary to the field. */
  fieldIds?: Readonly<Record<string, string>>;
}

/**
 * The errors of a form, at its top. It takes focus when it appears so that a
 * keyboard user lands on it and can follow a link to each field at fault.
 */
export function ErrorSummary({ problem, fieldIds = {} }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) box.current?.focus();
  }, [problem]);

  if (!problem) return null;
  const entries = Object.entries(problem.fields);

  const jump = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };

  return (
    <div ref={box} className="error-summary" role="alert" tabIndex={-1}>
      {entries.length > 0 ? (
        <>
          <p className="error-summary-title">入力内容を確認してください</p>
          <ul className="error-summary-list">
            {entries.map(([field, message]) => {
              const id = fieldIds[field];
              return (
                <li key={field}>
                  {id ? (
                    <a href={`#${id}`} onClick={(e) => jump(e, id)}>
                      {message}
                    </a>
                  ) : (
                    message
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="error-summary-message">{problem.message}</p>
      )}
    </div>
  );
}
