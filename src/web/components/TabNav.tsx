import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';

export interface TabItem {
  id: string;
  label: string;
  /** A short note beside the label, such as a count or 未. */
  note?: string;
  /** What the note means, for screen readers: （2件）, （未記録）. */
  noteLabel?: string;
}

interface TabNavProps {
  label: string;
  items: readonly TabItem[];
  current: string;
  /** The address of a tab (the same page with ?tab=…). */
  hrefFor: (id: string) => string;
}

/**
 * The parts of a long record as links in a row: each part has its own address,
 * so a reload or a shared link opens the same part, and the browser's back button
 * returns to the previous one.
 */
export function TabNav({ label, items, current, hrefFor }: TabNavProps) {
  return (
    <nav aria-label={label} className="tabs">
      <ul className="tabs-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              to={hrefFor(item.id)}
              className="tabs-link"
              aria-current={item.id === current ? 'page' : undefined}
              preventScrollReset
            >
              {item.label}
              {item.note ? (
                <span className="tabs-note" aria-hidden={item.noteLabel ? true : undefined}>
                  {item.note}
                </span>
              ) : null}
              {item.noteLabel ? <span className="visually-hidden">{item.noteLabel}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The part shown; its heading takes focus when another part is chosen (not on arrival). */
export function TabPanel({
  tab,
  title,
  actions,
  children,
}: {
  tab: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(tab);
  const headingId = useId();
  useEffect(() => {
    if (shown.current === tab) return;
    shown.current = tab;
    heading.current?.focus();
  }, [tab]);
  return (
    <section className="tab-panel" aria-labelledby={headingId}>
      <div className="tab-panel-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {actions ? <div className="tab-panel-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
