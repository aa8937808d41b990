import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { DateField, type DateStatus } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { problemFrom, type FormProblem } from '../../components/formProblem';
import { CASE_STATUS_LABELS, labelOf } from '../../labels';
import type { CaseMove } from '../../types';
import { casePath } from './caseTab';

interface MovesPanelProps {
  caseId: string;
  moves: readonly CaseMove[];
  today: string;
  writable: boolean;
  /** After a move: what to say, and the stage the case is now at. */
  onMoved: (message: string, status: string) => void;
}

const DANGER = new Set(['suspend', 'end_with_information', 'refer_elsewhere']);

/**
 * The moves open from the current stage. A move that cannot be made yet is shown
 * disabled with its reason written beside it, so that the worker knows which form
 * to fill in first; a move is made after a second step with its date and note.
 */
export function MovesPanel({ caseId, moves, today, writable, onMoved }: MovesPanelProps) {
  const [asking, setAsking] = useState<CaseMove | null>(null);
  const id = useId();
  return (
    <section className="card moves" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>段階を進める</h2>
      {moves.length === 0 ? <p className="muted">このケースは終了しています。</p> : null}
      {!writable && moves.length > 0 ? <p className="muted">段階を変更する権限がありません。</p> : null}
      {writable && asking ? (
        <MoveConfirm
          caseId={caseId}
          move={asking}
          today={today}
          onCancel={() => setAsking(null)}
          onMoved={(message, status) => {
            setAsking(null);
            onMoved(message, status);
          }}
        />
      ) : null}
      {writable && !asking ? (
        <ul className="move-list">
          {moves.map((m) => {
            const reasonId = `${id}-${m.transition}-reason`;
            return (
              <li key={m.transition} className="move">
                <button
                  type="button"
                  className={
                    DANGER.has(m.transition)
                      ? 'button button--danger-outline'
                      : m.allowed
                        ? 'button'
                        : 'button button--secondary'
                  }
                  disabled={!m.allowed}
                  aria-describedby={m.allowed ? undefined : reasonId}
                  onClick={() => setAsking(m)}
                >
                  {m.label}
                </button>
                {m.allowed ? null : (
                  <p id={reasonId} className="move-reason">
                    <span className="visually-hidden">できない理由: </span>
                    {m.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function MoveConfirm({
  caseId,
  move,
  today,
  onCancel,
  onMoved,
}: {
  caseId: string;
  move: CaseMove;
  today: string;
  onCancel: () => void;
  onMoved: (message: string, status: string) => void;
}) {
  const [on, setOn] = useState<{ value: string | null; status: DateStatus }>({ value: today, status: 'valid' });
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (on.status === 'invalid') {
      setProblem({
        message: '入力内容を確認してください',
        fields: { effectiveOn: '「変更日」を正しい日付で入力してください' },
      });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { status } = await api.post<{ status: string }>(casePath(caseId, 'transitions'), {
        transition: move.transition,
        ...(on.value ? { effectiveOn: on.value } : {}),
        note: note.trim() || null,
      });
      onMoved(`「${move.label}」を記録しました。現在の段階は「${labelOf(CASE_STATUS_LABELS, status)}」です。`, status);
    } catch (error) {
      setProblem(problemFrom(error));
      setBusy(false);
    }
  };

  return (
    <div className="confirm" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} ref={first} tabIndex={-1} className="confirm-question">
        「{move.label}」を記録します
      </h3>
      <ErrorSummary problem={problem} fieldIds={{ effectiveOn: 'move-effective-on', note: 'move-note' }} />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <DateField
          id="move-effective-on"
          label="変更日"
          defaultValue={today}
          onChange={(value, status) => setOn({ value, status })}
          error={problem?.fields.effectiveOn}
        />
        <Field
          id="move-note"
          label={move.transition === 'suspend' ? '中断の理由・備考' : '理由・備考'}
          hint={move.transition === 'suspend' ? '所在不明・連絡途絶など。支援調整会議に報告します。' : undefined}
          error={problem?.fields.note}
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button
            type="submit"
            className={DANGER.has(move.transition) ? 'button button--danger' : 'button'}
            disabled={busy}
          >
            {busy ? '記録しています…' : `「${move.label}」を確定する`}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            やめる
          </button>
        </div>
      </form>
    </div>
  );
}
