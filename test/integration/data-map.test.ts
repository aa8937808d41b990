import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { DATA_MAP, RETENTION_RULES } from '../../privacy/data-map.js';
import { CATEGORIES, DATA_CLASSES } from '../../src/server/core/data-classes.js';
import { PROFILE_ITEMS } from '../../src/shared/catalog.js';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.close();
});

describe('[CLS-1] the data map labels every column', () => {
  it('every column in the database has a label, and every label names a real column', async () => {
    const { rows } = await sql<{ table: string; column: string }>`
      SELECT c.table_name AS table, c.column_name AS column
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY 1, 2`.execute(tdb.ownerRaw);
    const live = new Set(rows.map((r) => `${r.table}.${r.column}`));
    const mapped = new Set(Object.entries(DATA_MAP).flatMap(([t, cols]) => Object.keys(cols).map((c) => `${t}.${c}`)));
    const unlabelled = [...live].filter((x) => !mapped.has(x));
    const stale = [...mapped].filter((x) => !live.has(x));
    expect({ unlabelled, stale }).toEqual({ unlabelled: [], stale: [] });
  });

  it('every label uses a known class, category and retention rule, and says what the item is', () => {
    for (const [table, columns] of Object.entries(DATA_MAP)) {
      for (const [column, label] of Object.entries(columns)) {
        const where = `${table}.${column}`;
        expect(DATA_CLASSES, where).toContain(label.class);
        expect(CATEGORIES, where).toContain(label.category);
        expect(Object.keys(RETENTION_RULES), where).toContain(label.retention);
        expect(label.label.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('[CLS-1] special-care items are marked: health in the assessment, profile items and notes by row', () => {
    expect(DATA_MAP.assessments?.health_situation).toMatchObject({ class: 'special_care', category: 'health' });
    expect(DATA_MAP.profile_items?.value).toMatchObject({ class: 'special_care', rowClass: 'data_class' });
    expect(DATA_MAP.progress_notes?.content).toMatchObject({ class: 'special_care', rowClass: 'sensitivity' });
    for (const [table, columns] of Object.entries(DATA_MAP)) {
      for (const [column, label] of Object.entries(columns)) {
        if (label.rowClass) expect(Object.keys(columns), `${table}.${column}`).toContain(label.rowClass);
      }
    }
  });

  it('[CLS-1][BIZ-6] the catalog marks health, disability, creed, social discrimination and crime as special-care', () => {
    const special = PROFILE_ITEMS.filter((i) => i.dataClass === 'special_care').map((i) => i.key);
    expect(special).toEqual(
      expect.arrayContaining([
        'health_condition',
        'illness',
        'disability',
        'long_term_care',
        'creed',
        'social_discrimination',
        'criminal_record',
        'crime_victim',
      ]),
    );
    expect(
      PROFILE_ITEMS.filter((i) => i.restricted)
        .map((i) => i.key)
        .sort(),
    ).toEqual(['creed', 'crime_victim', 'criminal_record', 'social_discrimination'].sort());
  });

  it('[BIZ-6] the consultee’s basic items are labelled as basic personal information', () => {
    for (const column of [
      'family_name',
      'given_name',
      'family_name_kana',
      'given_name_kana',
      'sex',
      'birth_date',
      'address',
      'phone',
    ]) {
      expect(DATA_MAP.consultees?.[column], column).toMatchObject({ class: 'ordinary', category: 'basic' });
    }
  });
});
