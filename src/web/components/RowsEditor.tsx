import { useEffect, useState, type ReactNode } from 'react';
import type { Choice } from '../../shared/catalog';
import { FieldError } from './Field';
import { FieldSet } from './FieldSet';
import type { FieldsOf } from './Inputs';
import type { FormKit } from './useFormKit';

export interface RowColumn<R> {
  key: keyof R & string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'amount';
  choices?: readonly Choice[];
  required?: boolean;
  /** A class for the cell's input, to size the column. */
  className?: string;
}

interface RowsEditorProps<S, R> {
  kit: FormKit<S>;
  name: FieldsOf<S, R[]>;
  legend: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  columns: readonly RowColumn<R>[];
  blank: () => R;
  /** How a row is called, for its header and the labels of its inputs: 目標1. */
  rowName: (index: number) => string;
  addLabel: string;
  /** Shown under the table (totals, say). */
  footer?: ReactNode;
  /** The most rows the record allows. */
  max?: number;
}

/**
 * Rows of a record typed as a table (goals, attendees, budget lines): each input
 * has its own label (hidden, the column header shows it), a row can be removed
 * and a new one added, and focus follows: to the new row's first input, or after
 * a removal to the row that took its place.
 */
export function RowsEditor<S, R extends Record<string, unknown>>({
  kit,
  name,
  legend,
  hint,
  required,
  columns,
  blank,
  rowName,
  addLabel,
  footer,
  max = 30,
}: RowsEditorProps<S, R>) {
  const rows = kit.values[name] as unknown as R[];
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const base = kit.id(name);
  const cellId = (i: number, key: string) => `${base}-${i}-${key}`;
  const addId = `${base}-add`;
  const firstKey = columns[0]?.key ?? '';

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const update = (next: R[]) => kit.set(name, next as unknown as S[typeof name]);
  const change = (i: number, key: string, value: string) =>
    update(rows.map((row, j) => (j === i ? ({ ...row, [key]: value } as R) : row)));
  const add = () => {
    update([...rows, blank()]);
    setFocus((f) => ({ id: cellId(rows.length, firstKey), n: (f?.n ?? 0) + 1 }));
  };
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    update(next);
    const target = next.length === 0 ? addId : cellId(Math.min(i, next.length - 1), firstKey);
    setFocus((f) => ({ id: target, n: (f?.n ?? 0) + 1 }));
  };

  return (
    <FieldSet id={base} legend={legend} hint={hint} error={kit.error(name)} required={required}>
      {rows.length > 0 ? (
        <div className="table-wrap rows-editor">
          <table className="table table--rows">
            <thead>
              <tr>
                <th scope="col" className="rows-editor-index">
                  <span className="visually-hidden">行</span>
                </th>
                {columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                    {c.required ? <span className="required-mark">必須</span> : null}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row" className="rows-editor-index">
                    {rowName(i)}
                  </th>
                  {columns.map((c) => {
                    const id = cellId(i, c.key);
                    const error = kit.error(`${name}.${i}.${c.key}`);
                    const errorId = error ? `${id}-error` : undefined;
                    const value = String(row[c.key] ?? '');
                    const common = {
                      id,
                      value,
                      'aria-invalid': error ? true : undefined,
                      'aria-describedby': errorId,
                    } as const;
                    return (
                      <td key={c.key} className={error ? 'cell-error' : undefined}>
                        <label htmlFor={id} className="visually-hidden">
                          {rowName(i)}の{c.label}
                        </label>
                        {error && errorId ? <FieldError id={errorId} message={error} /> : null}
                        {c.kind === 'textarea' ? (
                          <textarea
                            {...common}
                            className={c.className ?? 'input textarea textarea--cell'}
                            rows={2}
                            onChange={(e) => change(i, c.key, e.target.value)}
                          />
                        ) : c.kind === 'select' ? (
                          <select
                            {...common}
                            className={c.className ?? 'select'}
                            onChange={(e) => change(i, c.key, e.target.value)}
                          >
                            {value === '' ? <option value="">選択してください</option> : null}
                            {(c.choices ?? []).map((o) => (
                              <option key={o.code} value={o.code}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            {...common}
                            type="text"
                            inputMode={c.kind === 'amount' ? 'numeric' : undefined}
                            autoComplete="off"
                            className={c.className ?? (c.kind === 'amount' ? 'input input--amount' : 'input')}
                            onChange={(e) => change(i, c.key, e.target.value)}
                          />
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
                      削除<span className="visually-hidden">（{rowName(i)}）</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">まだ入力されていません。</p>
      )}
      {footer}
      <button
        id={addId}
        type="button"
        className="button button--secondary button--small"
        onClick={add}
        disabled={rows.length >= max}
      >
        {addLabel}
      </button>
    </FieldSet>
  );
}
