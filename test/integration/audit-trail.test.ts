import { describe, expect, it } from 'vitest';

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

import { seedWorld, signIn, useTestApp, type World } from '../support/world.js';

import { verifyTenant } from '../../src/server/audit/verify.js';
import { chainHash } from '../../src/server/core/audit-chain.js';
import { sql } from 'kysely';
import { asOwnerInTenant, typed } from '../../src/server/tenancy/provision.js';
import { createRawDatabase } from '../../src/server/db/database.js';

const run = promisify(execFile);

const t = useTestApp({ world: false });

/** A tenant whose trail has a dozen more events after seeding. */
async function tenantWithEvents(): Promise<World> {
  const world = await seedWorld(t.tdb, t.ctx);
  for (let i = 0; i < 3; i++) {
    const client = await signIn(t.app, world, 'worker1');
    await client.get(`/api/consultees/${world.consultees.a}`);
    await client.get(`/api/consultees/${world.consultees.c}`);
    await client.post('/api/auth/logout');
  }
  return world;
}

/** Tampering as a superuser with triggers off: what an intruder with database access could do. */
async function tamper(sqlText: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: t.tdb.adminUrl });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sqlText, params);
  } finally {
    await client.end();
  }
}

const verify = (w: World) => verifyTenant(t.tdb.owner, { tenantId: w.tenantId, code: w.code, name: 'テスト' });

async function chain0(w: World) {
  return asOwnerInTenant(t.tdb.owner, w.tenantId, (tx) =>
    tx.selectFrom('auditEvents').selectAll().where('chainNo', '=', 0).orderBy('chainSeq').execute(),
  );
}

describe('[SEC-4] the audit trail is append-only', () => {
  it('the app role cannot update, delete or truncate events; the owner is stopped by the trigger', async () => {
    const w = await seedWorld(t.tdb, t.ctx);
    const app = new pg.Client({ connectionString: t.tdb.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.org_ids', $2, true)`, [
        w.tenantId,
        `${w.council},${w.city}`,
      ]);
      await expect(app.query(`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await expect(app.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    const owner = new pg.Client({ connectionString: t.tdb.ownerUrl });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.org_ids', $2, true)`, [
        w.tenantId,
        `${w.council},${w.city}`,
      ]);
      await expect(owner.query(`UPDATE audit_events SET action = 'x.y'`)).rejects.toThrow(/append-only/);
      await owner.query('ROLLBACK');
      await expect(owner.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('the trigger assigns sequence and hash; values supplied by the app are overwritten', async () => {
    const w = await seedWorld(t.tdb, t.ctx);
    const app = new pg.Client({ connectionString: t.tdb.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [w.tenantId]);
      const { rows } = await app.query(
        `INSERT INTO audit_events (tenant_id, event_id, chain_no, chain_seq, occurred_at, category, action, outcome, prev_hash, hash)
         VALUES ($1, 1, 7, 999, '2000-01-01', 'auth', 'forged.event', 'success', 'x', 'y') RETURNING event_id, chain_seq, occurred_at, hash`,
        [w.tenantId],
      );
      await app.query('COMMIT');
      expect(rows[0].chain_seq).not.toBe('999');
      expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(new Date(rows[0].occurred_at).getFullYear()).toBeGreaterThan(2000);
    } finally {
      await app.end();
    }
    expect((await verify(w)).breaks).toEqual([]);
  });
});

describe('[SEC-4] verify-audit detects tampering and says where', () => {
  it('an intact trail verifies, including events from concurrent requests spread over chains', async () => {
    const w = await tenantWithEvents();
    const client = await signIn(t.app, w, 'chief');
    await Promise.all(Array.from({ length: 40 }, () => client.get(`/api/consultees/${w.consultees.a}`)));
    const result = await verify(w);
    expect(result.breaks).toEqual([]);
    expect(result.events).toBeGreaterThan(50);
    expect(result.heads.filter((h) => h.lastSeq !== '0').length).toBeGreaterThan(1);
  });

  it('detects an edited row', async () => {
    const w = await tenantWithEvents();
    const rows = await chain0(w);
    const target = rows[5]!;
    await tamper(
      `UPDATE audit_events SET outcome = 'success', action = 'sign_in.success' WHERE tenant_id = $1 AND event_id = $2`,
      [w.tenantId, target.eventId],
    );
    expect((await verify(w)).breaks).toEqual([
      { chainNo: 0, chainSeq: target.chainSeq, eventId: target.eventId, reason: 'hash_mismatch' },
    ]);
  });

  it('detects a deleted row', async () => {
    const w = await tenantWithEvents();
    const target = (await chain0(w))[4]!;
    await tamper(`DELETE FROM audit_events WHERE tenant_id = $1 AND event_id = $2`, [w.tenantId, target.eventId]);
    expect((await verify(w)).breaks).toEqual([
      expect.objectContaining({ chainNo: 0, chainSeq: target.chainSeq, reason: 'sequence_gap' }),
    ]);
  });

  it('detects an inserted row, even one whose own hash was forged correctly', async () => {
    const w = await tenantWithEvents();
    const rows = await chain0(w);
    const at = rows[3]!;
    const before = rows[2]!;
    // Make room, then insert a row that links correctly to its predecessor.
    await tamper(
      `UPDATE audit_events SET chain_seq = chain_seq + 1000000 WHERE tenant_id = $1 AND chain_no = 0 AND chain_seq >= $2`,
      [w.tenantId, at.chainSeq],
    );
    await tamper(
      `UPDATE audit_events SET chain_seq = chain_seq - 1000000 + 1 WHERE tenant_id = $1 AND chain_no = 0 AND chain_seq >= 1000000`,
      [w.tenantId],
    );
    // The intruder renders the forged row exactly as the verifier will, and links it to its predecessor.
    const { rows: rendered } = await sql<{ text: string }>`
      SELECT ROW(${w.tenantId}::uuid, 999999999::bigint, 0::smallint, ${at.chainSeq}::bigint, 1700000000000000::bigint,
        'access', 'consultee.read', 'success', NULL::uuid, NULL::uuid, NULL::uuid, NULL::text,
        '{}'::uuid[], '{}'::uuid[], '{}'::text[], NULL::text, NULL::text, NULL::text, NULL::text, '{}'::jsonb)::text AS text`.execute(
      t.tdb.ownerRaw,
    );
    const hash = chainHash(before.hash, rendered[0]?.text as string);
    await tamper(
      `INSERT INTO audit_events (tenant_id, event_id, chain_no, chain_seq, occurred_at, category, action, outcome, prev_hash, hash)
       VALUES ($1, 999999999, 0, $2, to_timestamp(1700000000), 'access', 'consultee.read', 'success', $3, $4)`,
      [w.tenantId, at.chainSeq, before.hash, hash],
    );
    const breaks = (await verify(w)).breaks;
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toMatchObject({ chainNo: 0, reason: 'broken_link', chainSeq: String(Number(at.chainSeq) + 1) });
  });

  it('detects reordered rows', async () => {
    const w = await tenantWithEvents();
    const rows = await chain0(w);
    const [x, y] = [rows[6]!, rows[7]!];
    await tamper(`UPDATE audit_events SET chain_seq = -1 WHERE tenant_id = $1 AND event_id = $2`, [
      w.tenantId,
      x.eventId,
    ]);
    await tamper(`UPDATE audit_events SET chain_seq = $3 WHERE tenant_id = $1 AND event_id = $2`, [
      w.tenantId,
      y.eventId,
      x.chainSeq,
    ]);
    await tamper(`UPDATE audit_events SET chain_seq = $3 WHERE tenant_id = $1 AND event_id = $2`, [
      w.tenantId,
      x.eventId,
      y.chainSeq,
    ]);
    expect((await verify(w)).breaks).toEqual([
      expect.objectContaining({ chainNo: 0, chainSeq: x.chainSeq, reason: 'broken_link' }),
    ]);
  });

  it('detects a cut tail against the chain head', async () => {
    const w = await tenantWithEvents();
    const rows = await chain0(w);
    const cut = rows.slice(-3);
    await tamper(`DELETE FROM audit_events WHERE tenant_id = $1 AND event_id = ANY($2::bigint[])`, [
      w.tenantId,
      cut.map((r) => r.eventId),
    ]);
    expect((await verify(w)).breaks).toEqual([
      expect.objectContaining({ chainNo: 0, chainSeq: cut[0]!.chainSeq, reason: 'tail_missing' }),
    ]);
  });

  it('the command exits 0 when intact and non-zero with the tenant and first broken sequence number otherwise', async () => {
    const w = await tenantWithEvents();
    const env = { ...process.env, DATABASE_URL: t.tdb.appUrl, DATABASE_OWNER_URL: t.tdb.ownerUrl };
    const ok = await run('npx', ['tsx', 'src/server/cli.ts', 'verify-audit', '--tenant', w.code], { env });
    expect(ok.stdout).toMatch(new RegExp(`^OK\\s+${w.code} .*events in 8 chains, anchor [0-9a-f]{64}`, 'm'));

    const target = (await chain0(w))[2]!;
    await tamper(`UPDATE audit_events SET details = '{"edited": true}' WHERE tenant_id = $1 AND event_id = $2`, [
      w.tenantId,
      target.eventId,
    ]);
    const broken = await run('npx', ['tsx', 'src/server/cli.ts', 'verify-audit', '--tenant', w.code], { env }).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stdout).toContain(`BROKEN  ${w.code}`);
    expect(broken?.stdout).toContain(`first broken sequence number ${target.chainSeq} (event ${target.eventId})`);
  });
});

describe('[SEC-4] verification is independent of session settings', () => {
  it('verifies the same under another time zone and date style', async () => {
    const w = await tenantWithEvents();
    const url = new URL(t.tdb.ownerUrl);
    url.searchParams.set('options', '-c TimeZone=Pacific/Auckland -c DateStyle=SQL,DMY');
    const other = createRawDatabase(url.toString(), 1);
    try {
      const { rows } = await sql<{ timeZone: string }>`SHOW TimeZone`.execute(other);
      expect(Object.values(rows[0] ?? {})).toEqual(['Pacific/Auckland']);
      const result = await verifyTenant(typed(other), { tenantId: w.tenantId, code: w.code, name: 'テスト' });
      expect(result.breaks).toEqual([]);
      expect(result.events).toBeGreaterThan(10);
    } finally {
      await other.destroy();
    }
  });
});
