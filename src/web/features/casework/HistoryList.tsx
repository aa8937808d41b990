import { DateTimeText } from '../../components/DateTimeText';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useApiGet } from '../../components/useApiGet';
import { CHANGE_KIND_LABELS, labelOf } from '../../labels';
import type { HistoryEntry } from '../../types';
import { formatValue, Withheld } from './RecordFields';
import { fieldLabelOf, fieldOrder, recordLabelOf, UNLISTED_FIELDS } from './recordLabels';

interface HistoryListProps {
  /** /api/consultees/:id/history or /api/cases/:id/history */
  path: string;
  /** More about the record a change is to (which profile item, which plan revision). */
  describe?: (entry: HistoryEntry) => string | null;
}

/**
 * Every change to the records, newest first: which form, who, when, and each field
 * from what to what. A field the reader may not see says so instead of its values.
 */
export function HistoryList({ path, describe }: HistoryListProps) {
  const { data, problem, loading } = useApiGet<{ items: HistoryEntry[] }>(path);
  if (loading) return <Loading />;
  if (problem) return <Notice kind="error">{problem.message}</Notice>;
  const items = data?.items ?? [];
  if (items.length === 0) return <p>変更の記録はまだありません。</p>;
  return (
    <ol className="history">
      {items.map((entry) => (
        <HistoryItem key={entry.historyId} entry={entry} more={describe?.(entry) ?? null} />
      ))}
    </ol>
  );
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function HistoryItem({ entry, more }: { entry: HistoryEntry; more: string | null }) {
  const kind = labelOf(CHANGE_KIND_LABELS, entry.changeKind);
  const inserted = entry.changeKind === 'insert';
  // A new record lists what was written; the fields left empty say nothing.
  const fields = Object.entries(entry.changes)
    .filter(([field, change]) => !UNLISTED_FIELDS.includes(field) && !(inserted && isBlank(change.to)))
    .sort(([a], [b]) => fieldOrder(entry.recordTable, a) - fieldOrder(entry.recordTable, b));
  const withheld = entry.withheld.filter((f) => !UNLISTED_FIELDS.includes(f));
  const label = (field: string) => fieldLabelOf(entry.recordTable, field)?.label ?? field;
  return (
    <li className="history-entry">
      <p className="history-head">
        <span className="history-when">
          <DateTimeText value={entry.changedAt} />
        </span>
        <span>
          <strong>{recordLabelOf(entry.recordTable)}</strong>
          {more ? `（${more}）` : null}を{kind}
        </span>
        <span className="muted">{entry.changedBy ? entry.changedBy.displayName : 'システム'}</span>
      </p>
      {fields.length + withheld.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--history">
            <caption className="visually-hidden">
              {recordLabelOf(entry.recordTable)}の{kind}内容
            </caption>
            <thead>
              <tr>
                <th scope="col">項目</th>
                {inserted ? null : <th scope="col">変更前</th>}
                <th scope="col">{inserted ? '内容' : '変更後'}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map(([field, change]) => {
                const def = fieldLabelOf(entry.recordTable, field);
                return (
                  <tr key={field}>
                    <th scope="row">{label(field)}</th>
                    {inserted ? null : <td>{formatValue(def?.value, change.from)}</td>}
                    <td>{formatValue(def?.value, change.to)}</td>
                  </tr>
                );
              })}
              {withheld.map((field) => (
                <tr key={field}>
                  <th scope="row">{label(field)}</th>
                  {inserted ? null : (
                    <td>
                      <Withheld />
                    </td>
                  )}
                  <td>
                    <Withheld />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </li>
  );
}
