import { describe, expect, it } from 'vitest';

import { sql } from 'kysely';

import { signIn, STAFF_SEEDS, useTestApp } from '../support/world.js';

import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { decide, type Actor } from '../../src/server/core/policy.js';
import { PURPOSES } from '../../src/server/core/purposes.js';
import { DataAccess } from '../../src/server/access/data-access.js';
import { RECORD_KINDS } from '../../src/server/access/records.js';
import { hasPermission } from '../../src/server/core/roles.js';

const t = useTestApp();

/** The consultee's health condition, a special-care profile item, as the reader sees it. */
function healthOf(detail: { profile: { itemKey: string; value?: unknown; withheld: string[] }[] }) {
  return detail.profile.find((p) => p.itemKey === 'health_condition');
}

async function eventsFor(requestId?: string) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) => {
    let q = tx.selectFrom('auditEvents').selectAll().orderBy('eventId', 'desc');
    if (requestId) q = q.where('requestId', '=', requestId);
    return q.execute();
  });
}

describe('[SEC-4] the choke point decides, filters and records', () => {
  it('a support worker reads an assigned consultee, with the read recorded in the same request', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const res = await worker.get(`/api/consultees/${t.w.consultees.a}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ consultee: { familyName: '試験A' }, withheld: [], basis: 'assigned' });
    expect(healthOf(body)).toMatchObject({ value: '通院中（テスト）', withheld: [] });
    const [recorded] = await eventsFor(res.headers['x-request-id'] as string);
    expect(recorded).toMatchObject({
      category: 'access',
      action: 'consultee.read',
      outcome: 'success',
      actorStaffId: t.w.staff.worker1?.staffId,
      recordKind: 'consultee',
      subjectIds: [t.w.consultees.a],
      dataClasses: ['identification_code', 'ordinary', 'special_care'],
      purpose: 'consultation_support',
      scopeBasis: 'assigned',
    });
  });

  it('[SEC-4] a support worker gets 404 for a colleague’s unassigned consultee, and the refusal is recorded', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const res = await worker.get(`/api/consultees/${t.w.consultees.c}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('試験C');
    const denial = (await eventsFor()).find((e) => e.outcome === 'denied' && e.recordIds.includes(t.w.consultees.c));
    expect(denial).toMatchObject({
      action: 'consultee.read',
      actorStaffId: t.w.staff.worker1?.staffId,
      details: { reason: 'out_of_scope' },
    });
  });

  it('a chief worker reads any consultee of the office, marked as not assigned; not another office', async () => {
    const chief = await signIn(t.app, t.w, 'chief');
    const res = await chief.get(`/api/consultees/${t.w.consultees.c}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().basis).toBe('office');
    expect((await chief.get(`/api/consultees/${t.w.consultees.d}`)).statusCode).toBe(404);
  });

  it('[CLS-1] fields are filtered by data class: a clerk sees basic data and not the special-care health summary', async () => {
    const clerk = await signIn(t.app, t.w, 'clerk');
    const res = await clerk.get(`/api/consultees/${t.w.consultees.a}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.consultee.familyName).toBe('試験A');
    const health = healthOf(body);
    expect(health?.value).toBeNull();
    expect(health?.withheld).toEqual(['value']);
    expect(res.body).not.toContain('通院中');
    const event = (await eventsFor()).find(
      (e) => e.actorStaffId === t.w.staff.clerk?.staffId && e.action === 'consultee.read',
    );
    expect(event?.dataClasses).toEqual(['ordinary']);
  });

  it('the system administrator never reads case content (403), the privacy manager not for casework (404)', async () => {
    const admin = await signIn(t.app, t.w, 'admin', t.tdb);
    expect((await admin.get(`/api/consultees/${t.w.consultees.a}`)).statusCode).toBe(403);
    expect((await admin.get('/api/consultees')).statusCode).toBe(403);
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    expect((await ppm.get(`/api/consultees/${t.w.consultees.a}`)).statusCode).toBe(404);
  });

  it('a list shows only consultees in reach, and records whom it showed', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const res = await worker.get('/api/consultees');
    const ids = res
      .json()
      .items.map((i: { consulteeId: string }) => i.consulteeId)
      .sort();
    expect(ids).toEqual([t.w.consultees.a, t.w.consultees.b].sort());
    const event = (await eventsFor()).find(
      (e) => e.action === 'consultee.list' && e.actorStaffId === t.w.staff.worker1?.staffId,
    );
    expect([...(event?.subjectIds ?? [])].sort()).toEqual(ids);
  });

  it('reassignment takes effect at the next request', async () => {
    const worker2 = await signIn(t.app, t.w, 'worker2');
    expect((await worker2.get(`/api/consultees/${t.w.consultees.a}`)).statusCode).toBe(404);
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const kase = await tx
        .selectFrom('cases')
        .select('caseId')
        .where('consulteeId', '=', t.w.consultees.a)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('caseWorkers')
        .set({ staffId: t.w.staff.worker2?.staffId as string })
        .where('caseId', '=', kase.caseId)
        .where('role', '=', 'lead')
        .execute();
    });
    expect((await worker2.get(`/api/consultees/${t.w.consultees.a}`)).statusCode).toBe(200);
    const worker1 = await signIn(t.app, t.w, 'worker1');
    expect((await worker1.get(`/api/consultees/${t.w.consultees.a}`)).statusCode).toBe(404);
  });

  it('if the access event cannot be written, the data is not returned', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const before = await worker.get(`/api/consultees/${t.w.consultees.b}`);
    expect(before.statusCode).toBe(200);
    await sql`REVOKE INSERT ON audit_events FROM ${sql.id('jss_test_app')}`.execute(t.tdb.ownerRaw);
    try {
      const res = await worker.get(`/api/consultees/${t.w.consultees.b}`);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('試験B');
      expect(res.json().message).toMatch(/システムエラー/);
    } finally {
      await sql`GRANT INSERT ON audit_events TO ${sql.id('jss_test_app')}`.execute(t.tdb.ownerRaw);
    }
  });

  it('ids that are not UUIDs are refused by schema with the field named, before any query', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    for (const hostile of ["1' OR '1'='1", '../../etc/passwd', '%00', 'x'.repeat(150)]) {
      const res = await worker.get(`/api/consultees/${encodeURIComponent(hostile)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('「相談者」');
    }
  });
});

describe('[SEC-4] route × role × someone else’s record', () => {
  it('every role gets 404 (or 403 without the permission) for consultees outside its reach, and 200 inside', async () => {
    for (const seed of STAFF_SEEDS) {
      const client = await signIn(t.app, t.w, seed.key, t.tdb);
      const actor: Actor = {
        staffId: t.w.staff[seed.key]?.staffId as string,
        tenantId: t.w.tenantId,
        organizationId: t.w.staff[seed.key]?.organizationId as string,
        officeId: t.w.staff[seed.key]?.officeId ?? null,
        roles: seed.roles,
        supervisedOrganizationIds: seed.roles.includes('municipal_supervisor')
          ? [t.w.city, t.w.council]
          : [t.w.staff[seed.key]?.organizationId as string],
        purposes: PURPOSES,
      };
      const facts = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
        RECORD_KINDS.consultee.resolve(
          tx,
          { tenantId: t.w.tenantId, organizationIds: [t.w.city, t.w.council] },
          Object.values(t.w.consultees),
        ),
      );
      for (const [key, id] of Object.entries(t.w.consultees)) {
        const res = await client.get(`/api/consultees/${id}`);
        const expected = !hasPermission(seed.roles, 'consultee.read')
          ? 403
          : decide(actor, 'consultee', 'read', 'consultation_support', facts.get(id)!).allow
            ? 200
            : 404;
        expect({ who: seed.key, consultee: key, status: res.statusCode }).toEqual({
          who: seed.key,
          consultee: key,
          status: expected,
        });
      }
    }
  });

  it('the SQL list scopes agree with the policy function for every staff member and consultee', async () => {
    // The facts come from the owner, so a record the policy allows but RLS hides would show as a disagreement.
    const facts = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      RECORD_KINDS.consultee.resolve(
        tx,
        { tenantId: t.w.tenantId, organizationIds: [t.w.city, t.w.council] },
        Object.values(t.w.consultees),
      ),
    );
    for (const seed of STAFF_SEEDS) {
      const handle = t.w.staff[seed.key]!;
      const actor: Actor = {
        staffId: handle.staffId,
        tenantId: t.w.tenantId,
        organizationId: handle.organizationId,
        officeId: handle.officeId,
        roles: seed.roles,
        supervisedOrganizationIds: seed.roles.includes('municipal_supervisor')
          ? [t.w.city, t.w.council]
          : [handle.organizationId],
        purposes: PURPOSES,
      };
      for (const purpose of [
        'consultation_support',
        'rights_request_handling',
        'complaint_handling',
        'contract_supervision',
      ] as const) {
        const access = new DataAccess(t.tdb.db, actor, purpose, { requestId: 'test', clientIp: null });
        const listed = await access.run(async (work) =>
          (
            await work.list('consultee', ['ordinary'], async ({ tx, where, assigned }) => {
              const { rows } = await sql<{ id: string; assigned: boolean }>`
                SELECT r.consultee_id AS id, ${assigned} AS assigned FROM consultees r WHERE ${where}`.execute(tx);
              for (const row of rows) {
                const target = facts.get(row.id);
                expect(row.assigned, `${seed.key} assigned to ${row.id}`).toBe(
                  target?.assignedStaffIds.includes(actor.staffId) ?? false,
                );
              }
              return rows;
            })
          ).map((r) => r.id),
        );
        for (const id of Object.values(t.w.consultees)) {
          const target = facts.get(id);
          const allowed = target ? decide(actor, 'consultee', 'read', purpose, target).allow : false;
          expect({ who: seed.key, purpose, id, listed: listed.includes(id) }).toEqual({
            who: seed.key,
            purpose,
            id,
            listed: allowed,
          });
        }
      }
    }
  });
});

describe('[SEC-4] commands through the choke point', () => {
  const actorFor = (key: string): Actor => {
    const s = t.w.staff[key]!;
    return {
      staffId: s.staffId,
      tenantId: t.w.tenantId,
      organizationId: s.organizationId,
      officeId: s.officeId,
      roles: s.roles,
      supervisedOrganizationIds: [s.organizationId],
      purposes: PURPOSES,
    };
  };
  const eventsOf = (requestId: string) =>
    asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.selectFrom('auditEvents').selectAll().where('requestId', '=', requestId).orderBy('eventId').execute(),
    );

  it('authorize() records the grant before any data is reached, in the command’s transaction', async () => {
    const access = new DataAccess(t.tdb.db, actorFor('worker1'), 'support_coordination', {
      requestId: 'cmd-grant',
      clientIp: null,
    });
    const name = await access.run(async (work) => {
      const grant = await work.authorize('consultee', 'update', [t.w.consultees.b], ['ordinary']);
      expect(grant.targets.get(t.w.consultees.b)?.basis).toBe('assigned');
      const row = await grant.tx
        .selectFrom('consultees')
        .select('familyName')
        .where('consulteeId', '=', t.w.consultees.b)
        .executeTakeFirstOrThrow();
      return row.familyName;
    });
    expect(name).toBe('試験B');
    expect(await eventsOf('cmd-grant')).toMatchObject([
      { action: 'consultee.update', outcome: 'success', dataClasses: ['ordinary'], purpose: 'support_coordination' },
    ]);
  });

  it('a refusal is kept even though the command’s transaction rolls back', async () => {
    const access = new DataAccess(t.tdb.db, actorFor('worker1'), 'consultation_support', {
      requestId: 'cmd-refused',
      clientIp: null,
    });
    await expect(access.run((work) => work.authorize('consultee', 'update', [t.w.consultees.d]))).rejects.toMatchObject(
      {
        statusCode: 404,
      },
    );
    expect(await eventsOf('cmd-refused')).toMatchObject([
      {
        action: 'consultee.update',
        outcome: 'denied',
        recordIds: [t.w.consultees.d],
        details: { reason: 'out_of_scope' },
      },
    ]);
  });

  it('read() inside a command filters by class; when the command fails afterwards, neither the data nor its event survives', async () => {
    const access = new DataAccess(t.tdb.db, actorFor('clerk'), 'consultation_support', {
      requestId: 'cmd-read',
      clientIp: null,
    });
    const read = await access.run((work) => work.read('consultee', t.w.consultees.a));
    expect(read.withheld).toEqual([]);
    expect(read.row).toMatchObject({ familyName: '試験A' });
    expect(await eventsOf('cmd-read')).toMatchObject([
      { action: 'consultee.read', outcome: 'success', dataClasses: ['ordinary'] },
    ]);

    const failing = new DataAccess(t.tdb.db, actorFor('clerk'), 'consultation_support', {
      requestId: 'cmd-read-fails',
      clientIp: null,
    });
    await expect(
      failing.run(async (work) => {
        await work.read('consultee', t.w.consultees.a);
        throw new Error('the command fails after reading');
      }),
    ).rejects.toThrow('the command fails');
    expect(await eventsOf('cmd-read-fails')).toEqual([]);
  });
});
