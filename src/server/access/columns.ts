// Field filtering by data class (ARCHITECTURE rule 1, CLS-1), from the labels of
// privacy/data-map.ts. Reads select only the columns a grant covers; a column whose
// class is set row by row (a progress note's content, a profile item's value) is
// returned only on the rows whose class is granted. Writes name the classes of the
// fields they touch, so the policy can refuse a role that may not write them.

import { sql, type RawBuilder } from 'kysely';
import { DATA_MAP, type ColumnLabel } from '../../../privacy/data-map.js';
import type { DataClass } from '../core/data-classes.js';
import type { Tx } from '../db/database.js';

export const camel = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
export const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function labelsOf(table: string): [string, ColumnLabel][] {
  const labels = DATA_MAP[table];
  if (!labels) throw new Error(`No data map for table ${table}`);
  return Object.entries(labels);
}

function granted(classes: readonly DataClass[]): Set<DataClass> {
  return new Set<DataClass>(['not_personal', ...classes]);
}

export interface Selection {
  /** The SELECT list, columns aliased by their snake_case name. */
  columns: RawBuilder<unknown>[];
  /** Columns withheld from every row (camelCase). */
  withheld: string[];
  /** Columns granted only on rows of a granted class: [column (camel), the row's class column (camel)]. */
  perRow: [string, string][];
}

/** The columns of `table` (aliased `t`) the classes grant. */
export function selection(table: string, classes: readonly DataClass[]): Selection {
  const allowed = granted(classes);
  const columns: RawBuilder<unknown>[] = [];
  const withheld: string[] = [];
  const perRow: [string, string][] = [];
  for (const [column, label] of labelsOf(table)) {
    if (label.rowClass) {
      // Shown where the row's own class is granted; the highest class of the column bounds it.
      columns.push(
        sql`CASE WHEN t.${sql.ref(label.rowClass)} = ANY (${[...allowed]}::text[]) THEN t.${sql.ref(column)} END AS ${sql.ref(column)}`,
      );
      perRow.push([camel(column), camel(label.rowClass)]);
    } else if (allowed.has(label.class)) {
      columns.push(sql`t.${sql.ref(column)}`);
    } else {
      withheld.push(camel(column));
    }
  }
  return { columns, withheld, perRow };
}

export interface FilteredRow {
  [field: string]: unknown;
  /** Fields not shown on this row because of its data class. */
  withheld: string[];
}

/**
 * Rows of `table` matching `where` (on alias `t`), with only the granted columns.
 * Call only with a transaction from an authorization of the records concerned.
 */
export async function selectGranted(
  tx: Tx,
  table: string,
  classes: readonly DataClass[],
  where: RawBuilder<unknown>,
  orderBy: RawBuilder<unknown> = sql`1`,
): Promise<FilteredRow[]> {
  const s = selection(table, classes);
  const allowed = granted(classes);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT ${sql.join(s.columns)} FROM ${sql.table(table)} t WHERE ${where} ORDER BY ${orderBy}`.execute(tx);
  return rows.map((row) => ({
    ...row,
    withheld: [
      ...s.withheld,
      ...s.perRow.filter(([, rowClass]) => !allowed.has(row[rowClass] as DataClass)).map(([column]) => column),
    ],
  }));
}

/**
 * The classes a write of these fields touches. For a column classed row by row,
 * the class is the one the written row carries (`rowClasses`), or the column's
 * highest class when not given.
 */
export function classesOfWrite(
  table: string,
  fields: readonly string[],
  rowClasses: Readonly<Record<string, DataClass>> = {},
): DataClass[] {
  const labels = Object.fromEntries(labelsOf(table));
  const out = new Set<DataClass>();
  for (const field of fields) {
    const label = labels[snake(field)];
    if (!label) throw new Error(`${table}.${snake(field)} is not in the data map`);
    const cls = label.rowClass ? (rowClasses[camel(label.rowClass)] ?? label.class) : label.class;
    if (cls !== 'not_personal') out.add(cls);
  }
  return [...out].sort();
}

/** The filtering of a change history: each changed field is shown only if its class is granted; keys are left out. */
export function filterChanges(
  table: string,
  changes: Record<string, { from: unknown; to: unknown }>,
  classes: readonly DataClass[],
): { changes: Record<string, { from: unknown; to: unknown }>; withheld: string[] } {
  const labels = DATA_MAP[table] ?? {};
  const allowed = granted(classes);
  const out: Record<string, { from: unknown; to: unknown }> = {};
  const withheld: string[] = [];
  // Keys may arrive camelCased by the query layer; the data map knows them in snake_case.
  const bySnake = Object.fromEntries(Object.entries(changes).map(([k, v]) => [snake(k), v]));
  for (const [column, change] of Object.entries(bySnake)) {
    const label = labels[column];
    // Keys and identifiers say nothing to the reader of a history.
    if (label?.category === 'system') continue;
    let cls: DataClass = label?.class ?? 'special_care';
    if (label?.rowClass) {
      const rowClass = bySnake[label.rowClass];
      // The class the row had before and after: both must be granted to show the change.
      const classesSeen = rowClass ? [rowClass.from, rowClass.to] : [];
      cls = classesSeen.includes('special_care') ? 'special_care' : classesSeen.length ? 'ordinary' : label.class;
    }
    if (allowed.has(cls)) out[camel(column)] = change;
    else withheld.push(camel(column));
  }
  return { changes: out, withheld };
}
