// Upgrading keeps every record: a database made by an earlier version is migrated
// with its data, as the owner, under forced row-level security.

import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { withCredentials } from '../../src/server/db/bootstrap.js';
import { createRawDatabase } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';

const info = inject('pg');
const name = `jss_upgrade_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: info.adminUrl });

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
});

describe('migrations keep the data of earlier versions', () => {
  it('0003 moves the health summary into the profile with its basis, and makes the search keys', async () => {
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)} OWNER ${admin.escapeIdentifier(info.owner.name)}`,
    );
    const owner = createRawDatabase(withCredentials(info.adminUrl, name, info.owner));
    try {
      await migrate(owner, info.app.name, '0002_audited_reads');
      const tenant = randomUUID();
      const org = randomUUID();
      const office = randomUUID();
      const staff = randomUUID();
      const person = randomUUID();
      await owner.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.tenant_id', ${tenant}, true), set_config('app.org_ids', ${org}, true)`.execute(
          tx,
        );
        await sql`INSERT INTO tenants (tenant_id, code, name) VALUES (${tenant}::uuid, 'upgrade', '移行市')`.execute(
          tx,
        );
        await sql`INSERT INTO organizations (tenant_id, organization_id, kind, name) VALUES (${tenant}::uuid, ${org}::uuid, 'contractor', '移行市社協')`.execute(
          tx,
        );
        await sql`INSERT INTO offices (tenant_id, office_id, organization_id, name) VALUES (${tenant}::uuid, ${office}::uuid, ${org}::uuid, '窓口')`.execute(
          tx,
        );
        await sql`INSERT INTO staff (tenant_id, staff_id, organization_id, office_id, login, display_name, employment_kind, roles, password_hash)
          VALUES (${tenant}::uuid, ${staff}::uuid, ${org}::uuid, ${office}::uuid, 'clerk1', '職員', 'employee', '{clerk}', 'x')`.execute(
          tx,
        );
        await sql`INSERT INTO consultees (tenant_id, consultee_id, organization_id, office_id, family_name, given_name,
            family_name_kana, given_name_kana, phone, health_summary, created_by)
          VALUES (${tenant}::uuid, ${person}::uuid, ${org}::uuid, ${office}::uuid, '山田', '太郎', 'やまだ', 'しょうた',
            '090-1234-5678', '通院中', ${staff}::uuid)`.execute(tx);
      });
      await migrate(owner, info.app.name);
      const moved = await owner.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.tenant_id', ${tenant}, true), set_config('app.org_ids', ${org}, true)`.execute(
          tx,
        );
        const item = await sql<{ value: string; data_class: string; acquisition_ground: string }>`
          SELECT value, data_class, acquisition_ground FROM profile_items WHERE consultee_id = ${person}::uuid`.execute(
          tx,
        );
        const keys = await sql<{ kana_key: string; name_key: string }>`
          SELECT kana_key, name_key FROM consultees WHERE consultee_id = ${person}::uuid`.execute(tx);
        const search = await sql<{ key: string }>`
          SELECT key FROM consultee_search_keys WHERE consultee_id = ${person}::uuid`.execute(tx);
        return { item: item.rows, keys: keys.rows[0], search: search.rows.map((r) => r.key) };
      });
      expect(moved.item).toEqual([{ value: '通院中', data_class: 'special_care', acquisition_ground: 'law' }]);
      expect(moved.keys).toEqual({ kana_key: 'ヤマダシヨウタ', name_key: '山田太郎' });
      expect(moved.search).toEqual(
        expect.arrayContaining(['ヤマダシヨウタ', 'ヤマダシヨタ', '山田太郎', 'tel:09012345678', 'tel4:5678']),
      );
    } finally {
      await owner.destroy();
    }
  });
});
