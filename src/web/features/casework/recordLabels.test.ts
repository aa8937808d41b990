import { describe, expect, it } from 'vitest';
import { DATA_MAP } from '../../../../privacy/data-map';
import { RECORDS, UNLISTED_FIELDS } from './recordLabels';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the labels of the records', () => {
  it('name every field of every casework record that a person can see changed', () => {
    const missing: string[] = [];
    for (const [table, record] of Object.entries(RECORDS)) {
      const columns = DATA_MAP[table];
      expect(columns, table).toBeTruthy();
      for (const [column, label] of Object.entries(columns ?? {})) {
        if (label.category === 'system' || UNLISTED_FIELDS.includes(camel(column))) continue;
        if (!(camel(column) in record.fields)) missing.push(`${table}.${column}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
