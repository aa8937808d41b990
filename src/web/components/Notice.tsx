import type { ReactNode } from 'react';

interface NoticeProps {
  kind: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children: ReactNode;
}

/** A message box. Errors interrupt (role=alert); the rest are announced politely. */
export function Notice({ kind, title, children }: NoticeProps) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title ? <p className="notice-title">{title}</p> : null}
      <div className="notice-body">{children}</div>
    </div>
  );
}
