// Use or provision outside the purposes (目的外利用・提供) through its approval flow:
// the request needs consent in force or a ground with its reason, and only the
// necessary items (PUR-3); it goes to the privacy counter, the council when needed,
// and the head's decision, each recorded with who and when (PRV-6); no use that may
// aid or induce illegal or improper acts (PUR-6). Reached only within the choke
// point's scope: another organization's staff get 404.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/core/roles.js';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { asOwnerInTenant, createStaffRow } from '../../src/server/tenancy/provision.js';
import { tokyoDate } from '../../src/shared/wareki.js';
import { registerWithConsent } from '../support/casework.js';
import { PASSWORD, seedWorld, signIn, useTestApp, type Client } from '../support/world.js';

const t = useTestApp();
const today = () => tokyoDate(new Date());

/** A related agency of the tenant's list, made as the owner (the list itself is tested elsewhere). */
async function agency(administrative = true): Promise<string> {
  const agencyId = randomUUID();
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .insertInto('relatedAgencies')
      .values({
        tenantId: t.w.tenantId,
        agencyId,
        name: `見本市 住宅課${agencyId.slice(0, 6)}`,
        kind: 'administrative',
        administrative,
      })
      .execute(),
  );
  return agencyId;
}

/** A further staff member of the test tenant, with a second factor, signed in like the seeded ones. */
async function addStaff(key: string, roles: Role[], org: 'city' | 'council', officeId: string | null) {
  const organizationId = org === 'city' ? t.w.city : t.w.council;
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const staffId = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const { staffId: id } = await createStaffRow(tx, t.w.tenantId, {
      login: key.toLowerCase(),
      displayName: `テスト ${key}`,
      displayNameKana: 'テスト',
      organizationId,
      officeId,
      roles,
      password: PASSWORD,
      mustChangePassword: false,
    });
    await tx
      .updateTable('staff')
      .set({
        totpSecret: t.ctx.secrets.seal(secret, aadFor('staff', 'totp_secret', t.w.tenantId, id)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', id)
      .execute();
    return id;
  });
  t.w.staff[key] = {
    staffId,
    login: key.toLowerCase(),
    password: PASSWORD,
    roles,
    organizationId,
    officeId,
    totpSecret: secret,
  };
  return signIn(t.app, t.w, key, t.tdb);
}

const requestBody = (consentId: string, more: Record<string, unknown> = {}) => ({
  kind: 'provision',
  requestingSection: '生活支援課 相談係',
  useDescription: '住宅確保給付金の審査のため、住宅課へ氏名と住所を提供する',
  recipientAgencyId: null,
  recipientName: '見本市 住宅課',
  items: ['name', 'address'],
  itemsReason: '申請者本人であることの確認に氏名と住所だけが必要',
  basis: 'consent',
  consentId,
  ground: null,
  reason: '本人が給付金の申請を希望しており、提供に同意している',
  noImproperUse: true,
  ...more,
});

async function personWithConsent(worker: Client) {
  const { consulteeId } = await registerWithConsent(worker);
  const consentId = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents[0].consentId as string;
  return { consulteeId, consentId };
}

async function requestsOf(client: Client, consulteeId: string) {
  const res = await client.get(`/api/consultees/${consulteeId}/out-of-purpose`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

async function deniedEvents(consulteeId: string, action: string): Promise<number> {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_events
      WHERE action = ${action} AND outcome = 'denied' AND ${consulteeId}::uuid = ANY (subject_ids)`.execute(tx);
    return rows[0]?.n ?? 0;
  });
}

async function rowOf(requestId: string) {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx.selectFrom('outOfPurposeRequests').selectAll().where('requestId', '=', requestId).executeTakeFirstOrThrow(),
  );
}

describe('[PUR-3] a request outside the purposes needs consent or a ground, and only the necessary items', () => {
  it('without consent or a ground it is refused with the field named, nothing is recorded, and the refusal is audited', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;

    const noGround = await worker.post(url, requestBody('', { basis: 'ground', consentId: null }));
    expect(noGround.statusCode).toBe(409);
    expect(noGround.json()).toMatchObject({ code: 'out_of_purpose_refused', field: 'ground' });
    expect(noGround.json().message).toContain('同意も根拠もない');

    const noConsent = await worker.post(url, requestBody('', { consentId: null }));
    expect(noConsent.json()).toMatchObject({ field: 'consentId' });
    expect(noConsent.json().message).toContain('「根拠とする同意」');

    const groundWithoutReason = await worker.post(
      url,
      requestBody('', { basis: 'ground', consentId: null, ground: 'law', reason: '  ' }),
    );
    expect(groundWithoutReason.json()).toMatchObject({ field: 'reason' });
    expect(groundWithoutReason.json().message).toContain('「理由」');

    const someoneElses = await worker.post(url, requestBody(randomUUID()));
    expect(someoneElses.json()).toMatchObject({ field: 'consentId' });

    expect(await requestsOf(worker, consulteeId)).toEqual([]);
    expect(await deniedEvents(consulteeId, 'out_of_purpose.request')).toBe(4);

    // A ground from the list with its reason is accepted and waits for the counter.
    const onGround = await worker.post(
      url,
      requestBody('', {
        basis: 'ground',
        consentId: null,
        ground: 'life_body_property',
        reason: '本人と連絡が取れず、生命の危険があるため',
      }),
    );
    expect(onGround.statusCode, onGround.body).toBe(200);
    expect(onGround.json()).toMatchObject({ status: 'counter', basis: 'ground', ground: 'life_body_property' });
  });

  it('a consent withdrawn, or one not covering special-care items, is no basis', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId } = await registerWithConsent(worker, {
      consent: {
        givenBy: 'self',
        method: 'oral',
        explanation: '利用目的を説明した',
        givenOn: '2026-04-01',
        purposes: ['consultation_support'],
        agencyKinds: [],
        coversSpecialCare: false,
        validFrom: '2026-04-01',
        validUntil: null,
      },
    });
    const consentId = (await worker.get(`/api/consultees/${consulteeId}`)).json().consents[0].consentId as string;
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const health = await worker.post(url, requestBody(consentId, { items: ['name', 'health'] }));
    expect(health.statusCode).toBe(409);
    expect(health.json()).toMatchObject({ field: 'consentId' });
    expect(health.json().message).toContain('要配慮個人情報');

    const withdrawn = await worker.post(`/api/consultees/${consulteeId}/consents/${consentId}/withdraw`, {
      withdrawnOn: today(),
      reason: '本人の申出',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const after = await worker.post(url, requestBody(consentId));
    expect(after.json()).toMatchObject({ field: 'consentId' });
    expect(after.json().message).toContain('有効ではありません');
    expect(await requestsOf(worker, consulteeId)).toEqual([]);
  });

  it('items are limited: My Number refused by name, the items’ reason required, at least one item', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;

    const myNumber = await worker.post(url, requestBody(consentId, { items: ['name', 'my_number'] }));
    expect(myNumber.statusCode).toBe(409);
    expect(myNumber.json()).toMatchObject({ field: 'items' });
    expect(myNumber.json().message).toContain('特定個人情報');

    const noReason = await worker.post(url, requestBody(consentId, { itemsReason: ' ' }));
    expect(noReason.json()).toMatchObject({ field: 'itemsReason' });
    expect(noReason.json().message).toContain('真に必要な範囲');

    const none = await worker.post(url, requestBody(consentId, { items: [] }));
    expect(none.json()).toMatchObject({ field: 'items' });

    const unknown = await worker.post(url, requestBody(consentId, { items: ['bank_account'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('「対象とする項目」');

    expect(await requestsOf(worker, consulteeId)).toEqual([]);
    // The database refuses My Number too, as the last line.
    const organizationId = (await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
      tx.selectFrom('consultees').select('organizationId').where('consulteeId', '=', consulteeId).executeTakeFirst(),
    ))!.organizationId;
    await expect(
      asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
        tx
          .insertInto('outOfPurposeRequests')
          .values({
            tenantId: t.w.tenantId,
            requestId: randomUUID(),
            consulteeId,
            organizationId,
            kind: 'use',
            requestingSection: '課',
            useDescription: '内容',
            recipientAgencyId: null,
            recipientName: null,
            items: ['my_number'],
            itemsReason: '理由',
            basis: 'ground',
            consentId: null,
            ground: 'law',
            reason: '理由',
            status: 'counter',
            requestedBy: t.w.staff.worker1!.staffId,
          })
          .execute(),
      ),
    ).rejects.toThrow(/check/);
  });

  it('a provision needs its recipient; schema errors name the field in Japanese and change nothing', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const noRecipient = await worker.post(url, requestBody(consentId, { recipientName: ' ' }));
    expect(noRecipient.json()).toMatchObject({ field: 'recipientAgencyId' });
    const { requestingSection: _gone, ...withoutSection } = requestBody(consentId);
    const missing = await worker.post(url, withoutSection);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('「申請する課・係」');
    const badKind = await worker.post(url, requestBody(consentId, { kind: 'sale' }));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('「区分」');
    expect(await requestsOf(worker, consulteeId)).toEqual([]);
  });
});

describe('[PUR-6] no use that may aid or induce illegal or improper acts', () => {
  it('a request and an approval both need the confirmation', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const unconfirmed = await worker.post(url, requestBody(consentId, { noImproperUse: false }));
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json()).toMatchObject({ field: 'noImproperUse' });
    expect(unconfirmed.json().message).toContain('違法又は不当な行為');

    const filed = await worker.post(url, requestBody(consentId));
    const requestId = filed.json().requestId as string;
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    await ppm.post(`${url}/${requestId}/counter-opinion`, { opinion: '諮問不要', councilRequired: false });
    const approval = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
    });
    expect(approval.statusCode).toBe(409);
    expect(approval.json()).toMatchObject({ field: 'noImproperUse' });
    expect((await rowOf(requestId)).status).toBe('decision');
  });
});

describe('[PRV-6] requester → counter’s opinion → council’s referral and answer with opinions → the head’s decision', () => {
  it('each step is recorded with who and when, and a decision out of order is refused', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const { consulteeId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const to = await agency();
    const filed = await worker.post(
      url,
      requestBody('', {
        kind: 'online_linkage',
        recipientAgencyId: to,
        recipientName: null,
        basis: 'ground',
        consentId: null,
        ground: 'government_cooperation',
        reason: '法令に基づく調査事務への協力であり、同意を求めると事務の遂行に支障がある',
      }),
    );
    expect(filed.statusCode, filed.body).toBe(200);
    const requestId = filed.json().requestId as string;
    expect(filed.json()).toMatchObject({ status: 'counter', recipientAgencyId: to, steps: ['withdraw'] });

    // The manager's queue shows it, with the person's name.
    const waiting = (await ppm.get('/api/out-of-purpose')).json().items as Record<string, unknown>[];
    expect(waiting.find((w) => w.requestId === requestId)).toMatchObject({
      consulteeId,
      status: 'counter',
      kind: 'online_linkage',
      requestedByName: 'テスト worker1',
    });

    // No decision before the counter's opinion.
    const decide = (body: Record<string, unknown> = {}) =>
      ppm.post(`${url}/${requestId}/decision`, {
        decision: 'approved',
        decidedInNameOf: '見本市長',
        decidedOn: today(),
        noImproperUse: true,
        ...body,
      });
    const early = await decide();
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ field: 'decision' });
    expect(early.json().message).toContain('窓口の意見がまだ記録されていない');

    // An online linkage always goes to the council (S2 §13).
    const noCouncil = await ppm.post(`${url}/${requestId}/counter-opinion`, {
      opinion: '問題なし',
      councilRequired: false,
    });
    expect(noCouncil.json()).toMatchObject({ field: 'councilRequired' });
    const counter = await ppm.post(`${url}/${requestId}/counter-opinion`, {
      opinion: '結合による提供のため、審議会への諮問が必要',
      councilRequired: true,
    });
    expect(counter.statusCode, counter.body).toBe(200);
    expect(counter.json().request).toMatchObject({ status: 'council', councilRequired: true });

    // No decision before the council's answer, nor an answer before the referral.
    const beforeAnswer = await decide();
    expect(beforeAnswer.statusCode).toBe(409);
    expect(beforeAnswer.json().message).toContain('答申がまだ記録されていない');
    const answerFirst = await ppm.post(`${url}/${requestId}/council-answer`, { answer: '認める', answeredOn: today() });
    expect(answerFirst.json().message).toContain('諮問がまだ記録されていない');

    const referral = await ppm.post(`${url}/${requestId}/council-referral`, {
      councilName: '見本市個人情報保護審議会',
      referredOn: today(),
    });
    expect(referral.statusCode, referral.body).toBe(200);
    for (const [author, body] of [
      ['審議会委員', '提供する項目を氏名と住所に限ること'],
      ['相談支援員', '本人には事後に説明する'],
    ]) {
      const attached = await ppm.post(`${url}/${requestId}/opinions`, { author, body, givenOn: today() });
      expect(attached.statusCode, attached.body).toBe(200);
    }
    const answer = await ppm.post(`${url}/${requestId}/council-answer`, {
      answer: '目的外提供を認めることは適当である（附帯意見あり）',
      answeredOn: today(),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().request.status).toBe('decision');

    const decided = await decide({ decidedInNameOf: '青梅市長', note: '答申を尊重し承認する' });
    expect(decided.statusCode, decided.body).toBe(200);

    // Everything on record, read back as the requester sees it.
    const [request] = await requestsOf(worker, consulteeId);
    const ppmId = t.w.staff.ppm!.staffId;
    expect(request).toMatchObject({
      requestId,
      status: 'approved',
      requestedBy: { staffId: t.w.staff.worker1!.staffId, displayName: 'テスト worker1' },
      counterOpinion: '結合による提供のため、審議会への諮問が必要',
      counterBy: { staffId: ppmId },
      councilRequired: true,
      councilName: '見本市個人情報保護審議会',
      councilReferredOn: today(),
      councilAnswer: '目的外提供を認めることは適当である（附帯意見あり）',
      councilAnsweredOn: today(),
      decision: 'approved',
      decidedInNameOf: '青梅市長',
      decidedOn: today(),
      decisionNote: '答申を尊重し承認する',
      decidedBy: { staffId: ppmId },
      steps: [],
    });
    expect(request?.counterAt).toEqual(expect.any(String));
    expect(request?.decidedAt).toEqual(expect.any(String));
    const opinions = request?.opinions as { author: string; recordedBy: { staffId: string }; givenOn: string }[];
    expect(opinions.map((o) => o.author)).toEqual(['審議会委員', '相談支援員']);
    expect(opinions.every((o) => o.recordedBy.staffId === ppmId && o.givenOn === today())).toBe(true);
    const recorded = request?.recorded as { step: string; by: { staffId: string }; at: string }[];
    expect(recorded.map((r) => r.step)).toEqual([
      'request',
      'counter_opinion',
      'council_referral',
      'council_answer',
      'decide',
    ]);
    expect(recorded.map((r) => r.by.staffId)).toEqual([t.w.staff.worker1!.staffId, ppmId, ppmId, ppmId, ppmId]);

    // Closed: no further step, and out of the open queue.
    const again = await decide({ decision: 'rejected', note: '再考' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('終了');
    const open = (await ppm.get('/api/out-of-purpose')).json().items as { requestId: string }[];
    expect(open.map((o) => o.requestId)).not.toContain(requestId);
    const closed = (await ppm.get('/api/out-of-purpose?state=closed')).json().items as { requestId: string }[];
    expect(closed.map((o) => o.requestId)).toContain(requestId);

    // Every step audited, in its own transaction with the change.
    const actions = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
      const { rows } = await sql<{ action: string; outcome: string }>`
        SELECT action, outcome FROM audit_events
        WHERE record_kind = 'out_of_purpose_request' AND ${requestId}::uuid = ANY (record_ids) ORDER BY occurred_at`.execute(
        tx,
      );
      return rows.map((r) => `${r.action}:${r.outcome}`);
    });
    expect(actions).toEqual([
      'out_of_purpose.request:success',
      'out_of_purpose.decide:denied',
      'out_of_purpose.counter_opinion:denied',
      'out_of_purpose.counter_opinion:success',
      'out_of_purpose.decide:denied',
      'out_of_purpose.council_answer:denied',
      'out_of_purpose.council_referral:success',
      'out_of_purpose.opinion:success',
      'out_of_purpose.opinion:success',
      'out_of_purpose.council_answer:success',
      'out_of_purpose.decide:success',
      'out_of_purpose.decide:denied',
    ]);
  });

  it('without the council: the counter’s opinion, then a rejection that must give its reason', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const requestId = (await worker.post(url, requestBody(consentId, { kind: 'use', recipientName: null }))).json()
      .requestId as string;
    const counter = await ppm.post(`${url}/${requestId}/counter-opinion`, {
      opinion: '同意の範囲内であり、審議会への諮問は要しない',
      councilRequired: false,
    });
    expect(counter.json().request).toMatchObject({ status: 'decision', steps: ['opinion', 'decide'] });
    const referral = await ppm.post(`${url}/${requestId}/council-referral`, {
      councilName: '審議会',
      referredOn: today(),
    });
    expect(referral.json().message).toContain('諮問を要しない');
    const noReason = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'rejected',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
    });
    expect(noReason.json()).toMatchObject({ field: 'note' });
    const future = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'rejected',
      decidedInNameOf: '見本市長',
      decidedOn: '2099-01-01',
      note: '必要性が認められない',
    });
    expect(future.json()).toMatchObject({ field: 'decidedOn' });
    const blankHead = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'rejected',
      decidedInNameOf: ' ',
      decidedOn: today(),
      note: '必要性が認められない',
    });
    expect(blankHead.statusCode).toBe(400);
    expect(blankHead.json().message).toContain('「決定者（実施機関の長）」');
    expect((await rowOf(requestId)).status).toBe('decision');
    const rejected = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'rejected',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
      note: '必要性が認められない',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().request).toMatchObject({ status: 'rejected', decisionNote: '必要性が認められない' });
  });

  it('the requester cannot decide their own request, even holding the manager’s role', async () => {
    const dual = await addStaff('dual', ['support_worker', 'privacy_protection_manager'], 'council', t.w.councilOffice);
    const { consulteeId, consentId } = await personWithConsent(dual);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const requestId = (await dual.post(url, requestBody(consentId))).json().requestId as string;
    const counter = await dual.post(`${url}/${requestId}/counter-opinion`, {
      opinion: '諮問不要',
      councilRequired: false,
    });
    expect(counter.statusCode, counter.body).toBe(200);
    expect(counter.json().request.steps).toEqual(['withdraw', 'opinion']);
    const own = await dual.post(`${url}/${requestId}/decision`, {
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
      noImproperUse: true,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ field: 'decision' });
    expect(own.json().message).toContain('自分で決定することはできません');
    expect(await deniedEvents(consulteeId, 'out_of_purpose.decide')).toBe(1);

    // A plain worker has no permission to decide at all.
    const worker = await signIn(t.app, t.w, 'worker1');
    const byWorker = await worker.post(`${url}/${requestId}/decision`, {
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
      noImproperUse: true,
    });
    expect(byWorker.statusCode).toBe(403);

    // Another manager may.
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const other = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
      noImproperUse: true,
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('an approval is refused when the consent it rests on was withdrawn after the request', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const requestId = (await worker.post(url, requestBody(consentId))).json().requestId as string;
    await ppm.post(`${url}/${requestId}/counter-opinion`, { opinion: '諮問不要', councilRequired: false });
    await worker.post(`/api/consultees/${consulteeId}/consents/${consentId}/withdraw`, {
      withdrawnOn: today(),
      reason: '本人の申出',
    });
    const approval = await ppm.post(`${url}/${requestId}/decision`, {
      decision: 'approved',
      decidedInNameOf: '見本市長',
      decidedOn: today(),
      noImproperUse: true,
    });
    expect(approval.statusCode).toBe(409);
    expect(approval.json()).toMatchObject({ field: 'decision' });
    expect(approval.json().message).toContain('有効ではありません');
    expect((await rowOf(requestId)).decision).toBeNull();
  });

  it('only the requester withdraws; a withdrawn request takes no further step', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const chief = await signIn(t.app, t.w, 'chief');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const requestId = (await worker.post(url, requestBody(consentId))).json().requestId as string;
    const byChief = await chief.post(`${url}/${requestId}/withdraw`);
    expect(byChief.statusCode).toBe(409);
    expect(byChief.json().message).toContain('申請した職員だけ');
    const byPpm = await ppm.post(`${url}/${requestId}/withdraw`);
    expect(byPpm.statusCode).toBe(403);
    const withdrawn = await worker.post(`${url}/${requestId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().request).toMatchObject({ status: 'withdrawn', steps: [] });
    expect((withdrawn.json().request.recorded as { step: string }[]).map((r) => r.step)).toEqual([
      'request',
      'withdraw',
    ]);
    const counter = await ppm.post(`${url}/${requestId}/counter-opinion`, { opinion: '意見', councilRequired: false });
    expect(counter.statusCode).toBe(409);
    expect(counter.json().message).toContain('取下げ');
  });
});

describe('[PRV-6][SEC-4] reach', () => {
  it('another organization’s staff, and another tenant’s, get 404; the queue holds only the organization’s requests', async () => {
    const worker = await signIn(t.app, t.w, 'worker1');
    const { consulteeId, consentId } = await personWithConsent(worker);
    const url = `/api/consultees/${consulteeId}/out-of-purpose`;
    const requestId = (await worker.post(url, requestBody(consentId))).json().requestId as string;

    const cityManager = await addStaff('cityPpm', ['privacy_protection_manager'], 'city', null);
    const cityWorker = await signIn(t.app, t.w, 'cityWorker');
    const otherWorld = await seedWorld(t.tdb, t.ctx);
    const otherManager = await signIn(t.app, otherWorld, 'ppm', t.tdb);
    for (const client of [cityManager, otherManager]) {
      expect((await client.get(`${url}/${requestId}`)).statusCode).toBe(404);
      expect((await client.get(url)).statusCode).toBe(404);
      const counter = await client.post(`${url}/${requestId}/counter-opinion`, {
        opinion: '意見',
        councilRequired: false,
      });
      expect(counter.statusCode).toBe(404);
      expect(counter.body).not.toContain(requestId);
      const queue = (await client.get('/api/out-of-purpose')).json().items as { requestId: string }[];
      expect(queue.map((q) => q.requestId)).not.toContain(requestId);
    }
    expect((await cityWorker.get(url)).statusCode).toBe(404);
    expect((await cityWorker.post(url, requestBody(consentId))).statusCode).toBe(404);
    // Nothing changed by any of them.
    expect((await rowOf(requestId)).status).toBe('counter');
    // The organization's own manager sees it.
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    const detail = await ppm.get(`${url}/${requestId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().consulteeName).toMatch(/^見本 一郎/);
    expect(detail.json().request.steps).toEqual(['counter_opinion', 'opinion']);
  });
});
