import { CASE_STATUS_LABELS, labelOf } from '../../labels';
import type { CaseStatus } from '../../types';

/** The stages of support in order (FORMS §0), as the bar shows them. */
export const STAGES: readonly { status: CaseStatus; label: string }[] = [
  { status: 'intake', label: '相談受付' },
  { status: 'screening', label: 'スクリーニング' },
  { status: 'assessment', label: 'インテーク・アセスメント' },
  { status: 'plan_draft', label: 'プラン案' },
  { status: 'coordination', label: '支援調整会議' },
  { status: 'decided', label: '支援決定' },
  { status: 'in_support', label: '支援提供' },
  { status: 'evaluation', label: '評価' },
  { status: 'closed', label: '終結' },
];

interface StageBarProps {
  status: CaseStatus;
  suspendedFrom: CaseStatus | null;
}

/** Where the case is in the flow: stages done, the current one, and those ahead. */
export function StageBar({ status, suspendedFrom }: StageBarProps) {
  const endedEarly = status === 'closed_info_only' || status === 'referred';
  const at = endedEarly ? 'screening' : status === 'suspended' ? (suspendedFrom ?? 'in_support') : status;
  const index = STAGES.findIndex((s) => s.status === at);
  return (
    <div className="stage">
      <ol className="stage-bar" aria-label="支援の段階">
        {STAGES.map((s, i) => {
          const state = i < index ? 'done' : i === index ? 'current' : endedEarly ? 'skipped' : 'todo';
          return (
            <li
              key={s.status}
              className={`stage-step stage-step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="stage-mark" aria-hidden="true">
                {state === 'done' || (state === 'current' && status === 'closed') ? '✓' : i + 1}
              </span>
              <span className="stage-label">{s.label}</span>
              <span className="visually-hidden">
                {state === 'done' ? '（済み）' : state === 'current' ? '（現在の段階）' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      {status === 'suspended' ? (
        <p className="stage-note stage-note--warn">
          中断しています（「{labelOf(CASE_STATUS_LABELS, suspendedFrom ?? '')}
          」の段階から）。再開すると元の段階に戻ります。
        </p>
      ) : null}
      {endedEarly ? (
        <p className="stage-note">スクリーニングの結果、「{labelOf(CASE_STATUS_LABELS, status)}」となりました。</p>
      ) : null}
    </div>
  );
}
