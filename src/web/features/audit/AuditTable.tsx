import { DateTimeText } from '../../components/DateTimeText';
import { BASIS_LABELS, DATA_CLASS_LABELS, labelOf, PURPOSE_LABELS } from '../../labels';
import type { AuditEvent } from '../../types';
import {
  ACTION_LABELS,
  CATEGORY_LABELS,
  MY_NUMBER_REFUSAL_REASONS,
  OUTCOME_LABELS,
  PURPOSE_SHORT_LABELS,
  SIGN_IN_FAILURE_REASONS,
} from './auditLabels';

interface AuditTableProps {
  events: readonly AuditEvent[];
  /** Names of staff by id, for events about a staff account. */
  staffNames: ReadonlyMap<string, string>;
  onSubject: (consulteeId: string, name: string | null) => void;
}

const OUTCOME_BADGES: Readonly<Record<string, string>> = {
  success: 'badge badge--plain',
  denied: 'badge badge--danger',
  failure: 'badge badge--warn',
};

export function AuditTable({ events, staffNames, onSubject }: AuditTableProps) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-caption">
      <table className="table table--audit">
        <caption id="audit-caption" className="table-caption">
          アクセス記録（{events.length}件を表示中。新しい順）
        </caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">職員</th>
            <th scope="col">区分</th>
            <th scope="col">操作</th>
            <th scope="col">対象</th>
            <th scope="col">データ区分</th>
            <th scope="col">利用目的</th>
            <th scope="col">結果</th>
            <th scope="col">IPアドレス</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <AuditRow key={event.eventId} event={event} staffNames={staffNames} onSubject={onSubject} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({
  event,
  staffNames,
  onSubject,
}: {
  event: AuditEvent;
  staffNames: ReadonlyMap<string, string>;
  onSubject: AuditTableProps['onSubject'];
}) {
  const reason =
    event.action === 'sign_in.failure' && typeof event.details.reason === 'string'
      ? labelOf(SIGN_IN_FAILURE_REASONS, event.details.reason)
      : event.action.startsWith('my_number.') && typeof event.details.reason === 'string'
        ? labelOf(MY_NUMBER_REFUSAL_REASONS, event.details.reason)
        : null;
  const staffTargets =
    event.recordKind === 'staff' ? event.recordIds.map((id) => staffNames.get(id) ?? `職員ID ${id.slice(0, 8)}…`) : [];

  return (
    <tr className={event.notAssigned ? 'row-not-assigned' : undefined}>
      <th scope="row" className="cell-datetime">
        <DateTimeText value={event.occurredAt} withSeconds />
      </th>
      <td className="nowrap">
        {event.actor ? (
          event.actor.displayName
        ) : (
          <span className="muted">{event.category === 'auth' ? '該当する職員なし' : 'システム'}</span>
        )}
      </td>
      <td className="nowrap">{labelOf(CATEGORY_LABELS, event.category)}</td>
      <td className="cell-action">
        {ACTION_LABELS[event.action] ?? <span className="mono">{event.action}</span>}
        {reason ? <span className="block small">{reason}</span> : null}
      </td>
      <td>
        {event.notAssigned ? (
          <span className="badge badge--not-assigned">
            担当外
            {event.scopeBasis ? `(${labelOf(BASIS_LABELS, event.scopeBasis)})` : ''}
          </span>
        ) : null}
        {event.subjects.length > 0 ? (
          <ul className="subject-list">
            {event.subjects.map((s) => (
              <li key={s.consulteeId}>
                <button
                  type="button"
                  className="link-button"
                  title={`相談者ID ${s.consulteeId}`}
                  onClick={() => onSubject(s.consulteeId, s.name)}
                >
                  {s.name ?? `ID ${s.consulteeId.slice(0, 8)}…`}
                  <span className="visually-hidden">（この相談者の記録で絞り込む）</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {staffTargets.length > 0 ? <span>{staffTargets.join('、')}</span> : null}
      </td>
      <td className="cell-classes">{event.dataClasses.map((c) => labelOf(DATA_CLASS_LABELS, c)).join('、')}</td>
      <td className="cell-purpose">
        {event.purpose ? (
          <span title={labelOf(PURPOSE_LABELS, event.purpose)}>{labelOf(PURPOSE_SHORT_LABELS, event.purpose)}</span>
        ) : null}
      </td>
      <td className="nowrap">
        <span className={OUTCOME_BADGES[event.outcome] ?? 'badge badge--plain'}>
          {labelOf(OUTCOME_LABELS, event.outcome)}
        </span>
      </td>
      <td className="mono small nowrap">{event.clientIp ?? ''}</td>
    </tr>
  );
}
