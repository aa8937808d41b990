import type { ReactNode } from 'react';
import { labelIn } from '../../../shared/catalog';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { formatMonth } from '../../components/MonthField';
import { WITHHELD_TEXT } from '../../labels';
import { fieldLabelOf, type RecordTable, type ValueKind } from './recordLabels';

export function Withheld() {
  return <span className="withheld">{WITHHELD_TEXT}</span>;
}

export function NotEntered() {
  return <span className="muted">未記入</span>;
}

const yenFormat = new Intl.NumberFormat('ja-JP');

/** 12,345円 (a minus sign for a shortfall). */
export function yenText(value: number): string {
  return `${value < 0 ? '−' : ''}${yenFormat.format(Math.abs(value))}円`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A stored value as a person reads it: dates in 和暦, codes as their labels, rows as a small table. */
export function formatValue(kind: ValueKind | undefined, value: unknown): ReactNode {
  if (isEmpty(value)) return <NotEntered />;
  switch (kind?.kind) {
    case 'date':
      return <DateText value={String(value)} />;
    case 'datetime':
      return <DateTimeText value={String(value)} />;
    case 'month':
      return formatMonth(String(value));
    case 'bool':
      return value === true ? (kind.yes ?? 'はい') : value === false ? (kind.no ?? 'いいえ') : String(value);
    case 'yen':
      return typeof value === 'number' ? yenText(value) : String(value);
    case 'number':
      return `${String(value)}${kind.unit ?? ''}`;
    case 'code':
      return labelIn(kind.choices, String(value));
    case 'codes':
      return Array.isArray(value) ? (
        <ul className="value-list">
          {value.map((v) => (
            <li key={String(v)}>{labelIn(kind.choices, String(v))}</li>
          ))}
        </ul>
      ) : (
        String(value)
      );
    case 'rows':
      return Array.isArray(value) ? <RowsTable kind={kind} rows={value as Record<string, unknown>[]} /> : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : <span className="pre-line">{String(value)}</span>;
  }
}

function RowsTable({ kind, rows }: { kind: Extract<ValueKind, { kind: 'rows' }>; rows: Record<string, unknown>[] }) {
  const columns = Object.entries(kind.columns);
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          {columns.map(([key, label]) => (
            <th scope="col" key={key}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map(([key]) => {
              const v = row[key];
              const choices = kind.choices?.[key];
              return (
                <td key={key} className={typeof v === 'number' ? 'cell-number' : undefined}>
                  {choices
                    ? labelIn(choices, String(v ?? ''))
                    : typeof v === 'number'
                      ? key === 'amount'
                        ? yenText(v)
                        : yenFormat.format(v)
                      : key === 'month' && typeof v === 'string'
                        ? formatMonth(v)
                        : String(v ?? '')}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface RecordFieldsProps {
  table: RecordTable;
  /** A row of the table (a record as the server answers it). */
  row: object & { withheld?: string[] };
  fields: readonly string[];
  /** Fields left out when they hold nothing. */
  skipEmpty?: boolean;
}

/** Some fields of a saved record as a list of label and value; a withheld field says so. */
export function RecordFields({ table, row, fields, skipEmpty }: RecordFieldsProps) {
  const withheld = row.withheld ?? [];
  const values = row as Record<string, unknown>;
  return (
    <dl className="detail-list detail-list--record">
      {fields.map((field) => {
        const def = fieldLabelOf(table, field);
        const hidden = withheld.includes(field);
        if (skipEmpty && !hidden && isEmpty(values[field])) return null;
        return (
          <div key={field}>
            <dt>{def?.label ?? field}</dt>
            <dd>{hidden ? <Withheld /> : formatValue(def?.value, values[field])}</dd>
          </div>
        );
      })}
    </dl>
  );
}
