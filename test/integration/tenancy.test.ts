import { beforeAll, describe, expect, it } from 'vitest';

import { sql } from 'kysely';
import pg from 'pg';

import { seedWorld, signIn, useTestApp, type World } from '../support/world.js';

const t = useTestApp({ world: false });
let a: World;
let b: World;

beforeAll(async () => {
  a = await seedWorld(t.tdb, t.ctx);
  b = await seedWorld(t.tdb, t.ctx);
});

async function asApp<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.tdb.appUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('[SEC-3] tenant isolation', () => {
  it('a user of tenant A gets 404 for tenant B’s consultee ids', async () => {
    const chiefA = await signIn(t.app, a, 'chief');
    const own = await chiefA.get(`/api/consultees/${a.consultees.a}`);
    expect(own.statusCode).toBe(200);
    for (const id of Object.values(b.consultees)) {
      const res = await chiefA.get(`/api/consultees/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('指定されたデータは見つかりません');
    }
  });

  it('a user of tenant A never lists tenant B’s consultees', async () => {
    const chiefA = await signIn(t.app, a, 'chief');
    const ids = (await chiefA.get('/api/consultees')).json().items.map((i: { consulteeId: string }) => i.consulteeId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of Object.values(b.consultees)) expect(ids).not.toContain(id);
  });

  it('an administrator of tenant A gets 404 for tenant B’s staff', async () => {
    const adminA = await signIn(t.app, a, 'admin', t.tdb);
    const res = await adminA.request({
      method: 'PATCH',
      url: `/api/admin/staff/${b.staff.worker1?.staffId}`,
      payload: { displayName: '乗っ取り' },
    });
    expect(res.statusCode).toBe(404);
    const list = (await adminA.get('/api/admin/staff')).json().items.map((s: { staffId: string }) => s.staffId);
    expect(list).not.toContain(b.staff.worker1?.staffId);
  });

  it('a session cookie of tenant A cannot be replayed against tenant B by swapping the tenant id', async () => {
    const workerA = await signIn(t.app, a, 'worker1');
    const token = workerA.cookie.split('.')[1];
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `jss_session=${b.tenantId}.${token}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('RLS alone blocks a raw query without the tenant setting', async () => {
    await asApp(async (client) => {
      for (const table of [
        'tenants',
        'organizations',
        'offices',
        'staff',
        'sessions',
        'consultees',
        'cases',
        'case_workers',
        'audit_events',
      ]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
    });
  });

  it('RLS shows one tenant at a time and refuses writes into another', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.org_ids', $2, true)`, [
        a.tenantId,
        [a.city, a.council].join(','),
      ]);
      const { rows } = await client.query('SELECT DISTINCT tenant_id FROM consultees');
      expect(rows).toEqual([{ tenant_id: a.tenantId }]);
      await expect(
        client.query(
          `INSERT INTO offices (tenant_id, office_id, organization_id, name) VALUES ($1, gen_random_uuid(), $2, 'x')`,
          [b.tenantId, b.council],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    });
  });

  it('RLS separates organizations within a tenant: a contractor’s context does not see the municipality’s consultees', async () => {
    await asApp(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.org_ids', $2, true)`, [
        a.tenantId,
        a.council,
      ]);
      const { rows } = await client.query('SELECT consultee_id FROM consultees');
      const ids = rows.map((r) => r.consultee_id);
      expect(ids).toContain(a.consultees.a);
      expect(ids).not.toContain(a.consultees.e);
      await client.query('ROLLBACK');
    });
  });

  it('the t.app role owns nothing, cannot bypass RLS, and reaches no migration or chain-head table', async () => {
    await asApp(async (client) => {
      const role = await client.query(
        `SELECT rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owned FROM pg_roles WHERE rolname = current_user`,
      );
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
      await expect(client.query('SELECT * FROM audit_chain_heads')).rejects.toThrow(/permission denied/);
      await expect(client.query('SET row_security = off; SELECT count(*) FROM consultees')).rejects.toThrow();
    });
  });
});

describe('[SEC-3] every table carries tenant_id in its key and is under forced RLS', () => {
  it('primary keys begin with tenant_id, and RLS is enabled and forced', async () => {
    const { rows } = await sql<{ table: string; pk: string[]; rls: boolean; forced: boolean }>`
      SELECT c.relname AS table,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_constraint p
           CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
          WHERE p.conrelid = c.oid AND p.contype = 'p') AS pk,
        c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(t.tdb.ownerRaw);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      expect({ table: r.table, first: r.pk[0], rls: r.rls, forced: r.forced }).toEqual({
        table: r.table,
        first: 'tenant_id',
        rls: true,
        forced: true,
      });
    }
  });

  it('every foreign key between tenant tables includes tenant_id', async () => {
    const { rows } = await sql<{ name: string; cols: string[] }>`
      SELECT p.conname AS name, array_agg(a.attname::text) AS cols FROM pg_constraint p
        JOIN pg_namespace n ON n.oid = p.connamespace
        CROSS JOIN LATERAL unnest(p.conkey) AS k(attnum)
        JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND p.contype = 'f'
      GROUP BY p.conname`.execute(t.tdb.ownerRaw);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.cols, r.name).toContain('tenant_id');
  });
});
