import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { signIn, useTestApp, type Client } from '../support/world.js';
import { registerWithConsent } from '../support/casework.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { tokyoDate } from '../../src/shared/wareki.js';
import { PURPOSE_LABELS } from '../../src/server/core/purposes.js';

const t = useTestApp();

/** A related agency of the test tenant's list, made as the owner (the list itself is tested elsewhere). */
async function agency(name: string, kind: string, administrative: boolean): Promise<string> {
  const agencyId = randomUUID();
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx.insertInto('relatedAgencies').values({ tenantId: t.w.tenantId, agencyId, name, kind, administrative }).execute(),
  );
  return agencyId;
}

const housing = () => agency(`住宅課${randomUUID().slice(0, 6)}`, 'administrative', true);
const clinic = () => agency(`こころのクリニック${randomUUID().slice(0, 6)}`, 'medical', false);

async function records(client: Client, consulteeId: string) {
  const res = await client.get(`/api/consultees/${consulteeId}/provisions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

const body = (recipientAgencyId: string, items: string[], more: Record<string, unknown> = {}) => ({
  recipientAgencyId,
  purpose: 'support_coordination',
  mode: 'third_party',
  items,
  ...more,
});

describe('[PRV-1][PRV-3] provision to a related agency', () => {
  it('with consent covering the agency and special-care data: provided at once, and recorded with date, recipient, person, items and consent; kept 3 years', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const to = await housing();
    const check = await worker.post(
      `/api/consultees/${consulteeId}/provisions/check`,
      body(to, ['name', 'address', 'health']),
    );
    expect(check.json()).toMatchObject({ allowed: true, basis: 'consent' });
    expect(await records(worker, consulteeId)).toEqual([]);

    const res = await worker.post(`/api/consultees/${consulteeId}/provisions`, body(to, ['name', 'address', 'health']));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('provided');
    const consentId = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents[0].consentId;
    const [record] = await records(worker, consulteeId);
    const today = tokyoDate(new Date());
    const [y, m, d] = today.split('-');
    expect(record).toMatchObject({
      status: 'provided',
      basis: 'consent',
      consentId,
      recipientAgencyId: to,
      items: ['name', 'address', 'health'],
      providedOn: today,
      requestedByName: 'テスト worker1',
      retainUntil: `${Number(y) + 3}-${m}-${d}`,
    });
    // What was sent is kept as sent: only the chosen items.
    const sent = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const { rows } = await sql<{ sentValues: { key: string; value: string }[] }>`
        SELECT sent_values FROM provisions WHERE provision_id = ${res.json().provisionId}::uuid`.execute(tx);
      return rows[0]?.sentValues ?? [];
    });
    expect(sent.map((s) => s.key)).toEqual(['name', 'address', 'health']);
    expect(sent[0]?.value).toContain('見本');
  });

  it('to an agency the consent does not cover: refused with the reason, nothing recorded, the refusal audited', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const to = await clinic();
    const res = await worker.post(`/api/consultees/${consulteeId}/provisions`, body(to, ['name', 'health']));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'provision_refused', field: 'ground' });
    expect(res.json().message).toContain('同意');
    expect(await records(worker, consulteeId)).toEqual([]);
    const denied = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_events
        WHERE action = 'consultee.provide' AND outcome = 'denied' AND ${consulteeId}::uuid = ANY (subject_ids)`.execute(
        tx,
      );
      return rows[0]?.n;
    });
    expect(denied).toBe(1);
  });

  it('[PRV-4] My Number is never provided, even with consent', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const res = await worker.post(
      `/api/consultees/${consulteeId}/provisions`,
      body(await housing(), ['name', 'my_number']),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ field: 'items' });
    expect(res.json().message).toContain('特定個人情報');
  });

  it('[CON-5] after the consent is withdrawn, a provision that relied on it is refused', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const to = await housing();
    expect((await worker.post(`/api/consultees/${consulteeId}/provisions`, body(to, ['name']))).statusCode).toBe(200);
    const consentId = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents[0].consentId;
    const withdrawn = await worker.post(`/api/consultees/${consulteeId}/consents/${consentId}/withdraw`, {
      withdrawnOn: tokyoDate(new Date()),
      reason: '本人の申出',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const again = await worker.post(`/api/consultees/${consulteeId}/provisions`, body(to, ['name']));
    expect(again.statusCode).toBe(409);
    expect(await records(worker, consulteeId)).toHaveLength(1);
  });

  it('a stop of provision in force refuses any provision', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const person = await tx
        .selectFrom('consultees')
        .select('organizationId')
        .where('consulteeId', '=', consulteeId)
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('provisionStops')
        .values({
          tenantId: t.w.tenantId,
          stopId: randomUUID(),
          consulteeId,
          organizationId: person.organizationId,
          kind: 'provision',
          fromDate: '2026-01-01',
          reason: '本人からの第三者提供の停止の請求による',
          liftedOn: null,
          liftReason: null,
          recordedBy: t.w.staff.ppm!.staffId,
          liftedBy: null,
        })
        .execute();
    });
    const res = await worker.post(`/api/consultees/${consulteeId}/provisions`, body(await housing(), ['name']));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('停止');
  });
});

describe('[PRV-1][PRV-6] provision on a ground other than consent', () => {
  it('needs a reason, then the privacy protection manager’s approval; the worker then provides, and the record names the ground', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const to = await clinic();
    const noReason = await worker.post(
      `/api/consultees/${consulteeId}/provisions`,
      body(to, ['name', 'health'], { ground: 'life_body_property' }),
    );
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().field).toBe('groundReason');

    const asked = await worker.post(
      `/api/consultees/${consulteeId}/provisions`,
      body(to, ['name', 'health'], {
        ground: 'life_body_property',
        groundReason: '自殺をほのめかしており、本人と連絡が取れないため、主治医に状況を伝える必要がある',
      }),
    );
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'awaiting_approval' });
    const provisionId = asked.json().provisionId as string;

    // Not yet sent; the worker cannot approve; the manager sees it waiting.
    const early = await worker.post(`/api/consultees/${consulteeId}/provisions/${provisionId}/provide`);
    expect(early.statusCode).toBe(409);
    const selfApproval = await worker.post(`/api/consultees/${consulteeId}/provisions/${provisionId}/decision`, {
      approve: true,
    });
    expect(selfApproval.statusCode).toBe(403);
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const waiting = (await ppm.get('/api/provisions/awaiting')).json().items as { provisionId: string }[];
    expect(waiting.map((w) => w.provisionId)).toContain(provisionId);
    const refusedWithoutReason = await ppm.post(`/api/consultees/${consulteeId}/provisions/${provisionId}/decision`, {
      approve: false,
    });
    expect(refusedWithoutReason.json()).toMatchObject({ field: 'note' });
    const approved = await ppm.post(`/api/consultees/${consulteeId}/provisions/${provisionId}/decision`, {
      approve: true,
      note: '生命の保護のため必要と認める',
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const sent = await worker.post(`/api/consultees/${consulteeId}/provisions/${provisionId}/provide`);
    expect(sent.statusCode, sent.body).toBe(200);
    const [record] = await records(worker, consulteeId);
    expect(record).toMatchObject({
      status: 'provided',
      basis: 'ground',
      ground: 'life_body_property',
      consentId: null,
      approvedByName: 'テスト ppm',
    });
  });

  it('another organization’s worker cannot reach the record, and a colleague not assigned cannot provide', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker);
    const to = await housing();
    for (const key of ['worker2', 'cityWorker', 'clerk', 'supervisor']) {
      const other = await signIn(t.app, t.w, key);
      const res = await other.post(`/api/consultees/${consulteeId}/provisions`, body(to, ['name']));
      expect([403, 404], `${key}: ${res.body}`).toContain(res.statusCode);
    }
    expect(await records(worker, consulteeId)).toEqual([]);
  });
});

describe('[PRV-2] joint use and outsourcing are not provision to a third party', () => {
  it('under a published joint-use declaration naming the recipient, the items and the purpose: provided without consent, recorded as joint use with the declaration; an undeclared item is refused', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const { consulteeId } = await registerWithConsent(worker, { consent: undefined });
    const member = await clinic();
    const today = tokyoDate(new Date());
    const declared = await ppm.post('/api/joint-use', {
      title: '支援会議における共同利用',
      items: ['name', 'consultation'],
      userAgencyIds: [member],
      usersNote: null,
      purposes: [PURPOSE_LABELS.support_coordination],
      responsibleAgencyId: null,
      responsibleName: 'テスト市',
      responsibleAddress: 'テスト県テスト市本町1-1',
      responsibleRepresentative: 'テスト市長',
      declaredOn: today,
      effectiveFrom: today,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    const declarationId = declared.json().declarationId as string;
    const joint = (items: string[]) =>
      worker.post(
        `/api/consultees/${consulteeId}/provisions`,
        body(member, items, { mode: 'joint_use', jointUseDeclarationId: declarationId }),
      );
    const undeclared = await joint(['name', 'health']);
    expect(undeclared.statusCode).toBe(409);
    expect(undeclared.json().field).toBe('items');
    const res = await joint(['name', 'consultation']);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('provided');
    const [record] = await records(worker, consulteeId);
    expect(record).toMatchObject({ mode: 'joint_use', basis: 'joint_use', consentId: null, status: 'provided' });
    const stored = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx
        .selectFrom('provisions')
        .select('jointUseDeclarationId')
        .where('provisionId', '=', res.json().provisionId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.jointUseDeclarationId).toBe(declarationId);
  });
});
