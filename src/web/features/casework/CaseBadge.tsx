import { CASE_STATUS_LABELS, labelOf, PROGRAM_LABELS } from '../../labels';

/** How a stage looks: done, stopped, or in progress. Carried by the words as well as the colour. */
export function statusTone(status: string): 'ok' | 'neutral' | 'warn' | 'info' {
  if (status === 'closed') return 'ok';
  if (status === 'closed_info_only' || status === 'referred') return 'neutral';
  if (status === 'suspended') return 'warn';
  return 'info';
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${statusTone(status)}`}>{labelOf(CASE_STATUS_LABELS, status)}</span>;
}

/** A case as a line: its program and its stage. */
export function CaseBadge({ program, status }: { program: string; status: string }) {
  return (
    <span className="case-badge">
      <span className="case-badge-program">{labelOf(PROGRAM_LABELS, program)}</span>
      <StatusBadge status={status} />
    </span>
  );
}
