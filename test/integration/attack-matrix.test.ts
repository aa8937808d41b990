import { randomUUID } from 'node:crypto';
// From the attacker's side: every route that reaches a consultee's record, called
// by every role that is not in reach of this record, with a valid request, must be
// refused (404, or 403 without the permission), must not say whose record it is,
// and must change nothing. The same requests made by the case's own worker succeed,
// which shows the refusals come from access and not from a bad request. A new route
// with a record in its path fails this test until it is added here.

import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, useTestApp, type Client } from '../support/world.js';
import { applyAll, caseAt } from '../support/casework.js';
import {
  budgetSteps,
  sampleApplication,
  sampleAssessment,
  sampleClosure,
  sampleConsent,
  sampleDecision,
  sampleEvaluation,
  sampleIntake,
  sampleMeeting,
  sampleNote,
  samplePlan,
} from '../../src/server/tenancy/sample-forms.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { generateSync } from 'otplib';
import { aadFor } from '../../src/server/crypto/secret-box.js';
import { myNumberCheckDigit } from '../../src/server/core/my-number.js';
import { tokyoDate } from '../../src/shared/wareki.js';

const t = useTestApp();

const TINY_PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const ATTACKERS = [
  'worker2',
  'workerOther',
  'cityWorker',
  'employment',
  'budget',
  'ppm',
  'complaints',
  'supervisor',
  'admin',
];

interface Ids {
  consulteeId: string;
  caseId: string;
  memberId: string;
  consentId: string;
  documentId: string;
  /** A related agency the consent covers, and a provision awaiting the manager's approval. */
  agencyId: string;
  provisionId: string;
  /** Out-of-purpose requests: one the manager takes through the flow, one the requester withdraws. */
  requestId: string;
  withdrawableRequestId: string;
  /** A provision already made (its document can be produced), and a stop of provision from a future date. */
  providedId: string;
  stopId: string;
  records: Record<string, string>;
}

/** A request to provide outside the purposes, on a ground (consent may be withdrawn by the time it runs). */
const outOfPurposeBody = (agencyId: string) => ({
  kind: 'provision',
  requestingSection: '見本課',
  useDescription: '緊急の安否確認のため',
  recipientAgencyId: agencyId,
  items: ['name'],
  itemsReason: '本人の特定に必要',
  basis: 'ground',
  ground: 'life_body_property',
  reason: '本人と連絡が取れず生命の危険がある',
  noImproperUse: true,
});

/** A valid body for each route (absent for GET and DELETE), and who may legitimately call it. */
type Fixture = {
  /** A function when the body must be made as it is sent (a second-factor code). */
  body?: Record<string, unknown> | (() => Record<string, unknown>);
  by?: string;
  alsoAllowed?: readonly string[];
};

const payloadOf = (f: Fixture | undefined) =>
  f?.body ? { payload: typeof f.body === 'function' ? f.body() : f.body } : {};

/** My Number: worker1 is a designated handler with an authenticator (ACQ-4, PRV-4). */
const HANDLER_TOTP = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';

async function designateHandler(staffId: string): Promise<void> {
  await asOwnerInTenant(t.tdb.owner, t.w.tenantId, (tx) =>
    tx
      .updateTable('staff')
      .set({
        myNumberHandler: true,
        totpSecret: t.ctx.secrets.seal(HANDLER_TOTP, aadFor('staff', 'totp_secret', t.w.tenantId, staffId)),
        totpEnabledAt: new Date(),
      })
      .where('staffId', '=', staffId)
      .execute(),
  );
}

/**
 * The store, the reveal and the erasure each take the code of a later 30-second
 * step than the one before (previous, current, next: all within the tolerance),
 * since a used step is never accepted again.
 */
const stepCode = (offset: number) => () =>
  generateSync({ secret: HANDLER_TOTP, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

function fixtures(ids: Ids, worker1: string): Record<string, Fixture> {
  const member = { relationship: 'child', familyName: '見本', cohabiting: true, source: 'self' };
  const sheet = budgetSteps('2026-05-01');
  const bodyOf = (path: string) =>
    (sheet.find((s) => 'form' in s && s.form === path) as { body: Record<string, unknown> }).body;
  const forms: Record<string, Record<string, unknown>> = {
    intake: sampleIntake('2026-04-01'),
    assessment: sampleAssessment('2026-04-08'),
    plans: samplePlan('2026-06-01'),
    meetings: sampleMeeting('2026-06-05', 'approve_plan'),
    decisions: sampleDecision('2026-06-10'),
    applications: sampleApplication('2026-06-01', '2026-06-02'),
    notes: sampleNote('2026-06-03'),
    evaluations: sampleEvaluation('2026-09-01', 'continue'),
    closure: sampleClosure('2026-10-01'),
    'budget/sheets': bodyOf('budget/sheets'),
    'budget/cash-flows': { startMonth: '2026-05', openingBalance: 0, baseSheetId: null, events: [] },
    'budget/debts': bodyOf('budget/debts'),
    'budget/arrears': bodyOf('budget/arrears'),
    'budget/plans': bodyOf('budget/plans'),
  };
  const provision = {
    recipientAgencyId: ids.agencyId,
    purpose: 'support_coordination',
    mode: 'third_party',
    items: ['name'],
  };
  const out: Record<string, Fixture> = {
    'POST /api/consultees/:consulteeId/provisions/check': { body: provision },
    'POST /api/consultees/:consulteeId/provisions': { body: provision },
    // The privacy protection manager oversees provisions: reads the records and decides those on a ground.
    'GET /api/consultees/:consulteeId/provisions': { alsoAllowed: ['ppm'] },
    'POST /api/consultees/:consulteeId/provisions/:provisionId/decision': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { approve: true, note: '必要と認める' },
    },
    'POST /api/consultees/:consulteeId/provisions/:provisionId/provide': {},
    'GET /api/consultees/:consulteeId/provisions/:provisionId/document': {},
    'POST /api/consultees/:consulteeId/receipts': {
      body: {
        receivedOn: '2026-05-01',
        providerAgencyId: null,
        providerName: '見本市福祉事務所',
        providerAddress: '架空県見本市1-1',
        providerRepresentative: '見本市長',
        howObtained: '本人からの聴き取り',
        items: ['name'],
        confirmed: true,
      },
    },
    'GET /api/consultees/:consulteeId/receipts': {},
    'POST /api/consultees/:consulteeId/stops': { body: { kind: 'provision', fromDate: '2099-01-01', reason: '申出' } },
    'POST /api/consultees/:consulteeId/stops/:stopId/lift': { body: { liftedOn: '2099-01-02', liftReason: '取下げ' } },
    // Stops bear on every provision the manager approves.
    'GET /api/consultees/:consulteeId/stops': { alsoAllowed: ['ppm'] },
    // Out of purpose (PRV-6): the manager reads the requests and takes them through the flow.
    'POST /api/consultees/:consulteeId/out-of-purpose': { body: outOfPurposeBody(ids.agencyId) },
    'GET /api/consultees/:consulteeId/out-of-purpose': { alsoAllowed: ['ppm'] },
    'GET /api/consultees/:consulteeId/out-of-purpose/:requestId': { alsoAllowed: ['ppm'] },
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/withdraw': {},
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/counter-opinion': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { opinion: '審議会に諮る', councilRequired: true },
    },
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/council-referral': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { councilName: '個人情報保護審議会', referredOn: tokyoDate(new Date()) },
    },
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/council-answer': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { answer: '認める', answeredOn: tokyoDate(new Date()) },
    },
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/opinions': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { author: '委員', body: '最小限に', givenOn: tokyoDate(new Date()) },
    },
    'POST /api/consultees/:consulteeId/out-of-purpose/:requestId/decision': {
      by: 'ppm',
      alsoAllowed: ['ppm'],
      body: { decision: 'approved', decidedInNameOf: '市長', decidedOn: tokyoDate(new Date()), noImproperUse: true },
    },
    'GET /api/consultees/:consulteeId': {},
    'GET /api/consultees/:consulteeId/basic': {},
    'PATCH /api/consultees/:consulteeId': { body: { address: '架空県架空市見本町9-9' } },
    'POST /api/consultees/:consulteeId/household': { body: member },
    'PUT /api/consultees/:consulteeId/household/:memberId': { body: { ...member, occupation: '中学生' } },
    'POST /api/consultees/:consulteeId/household/:memberId/remove': { body: {} },
    'PUT /api/consultees/:consulteeId/profile/:itemKey': { body: { value: '倉庫作業', source: 'self' } },
    'POST /api/consultees/:consulteeId/consents': { body: sampleConsent('2026-05-01') },
    'POST /api/consultees/:consulteeId/consents/:consentId/withdraw': { body: { withdrawnOn: '2026-11-01' } },
    'POST /api/consultees/:consulteeId/documents': {
      body: { fileName: '同意書.pdf', mediaType: 'application/pdf', contentBase64: TINY_PDF },
    },
    'GET /api/consultees/:consulteeId/documents/:documentId': {},
    'GET /api/consultees/:consulteeId/print/consent-form': {},
    'POST /api/consultees/:consulteeId/approvals': {
      by: 'chief',
      body: { categories: ['crime'], approverName: '見本 監', approvedOn: '2026-05-01', reason: '調整のため' },
    },
    'GET /api/consultees/:consulteeId/history': {},
    'POST /api/consultees/:consulteeId/cases': { body: { program: 'household_budget' } },
    'GET /api/cases/:caseId': {},
    'GET /api/cases/:caseId/history': {},
    'POST /api/cases/:caseId/transitions': { body: { transition: 'start_evaluation' } },
    'PUT /api/cases/:caseId/workers': { by: 'chief', body: { leadStaffId: worker1, coStaffIds: [] } },
    'PUT /api/cases/:caseId/screening': { body: { screeningResult: 'continued' } },
    'GET /api/cases/:caseId/print/:form': {},
    'GET /api/drafts/:draftKey': {},
    'PUT /api/drafts/:draftKey': { body: { payload: { content: '書きかけ' } } },
    'DELETE /api/drafts/:draftKey': {},
    'GET /api/consultees/:consulteeId/my-number': {},
    'PUT /api/consultees/:consulteeId/my-number': {
      body: () => ({
        myNumber: `31415979358${myNumberCheckDigit('31415979358')}`,
        basis: 'from_person',
        acquiredOn: '2026-04-01',
        totpCode: stepCode(-1)(),
      }),
    },
    'POST /api/consultees/:consulteeId/my-number/reveal': { body: () => ({ totpCode: stepCode(0)() }) },
    'DELETE /api/consultees/:consulteeId/my-number': {
      body: () => ({ reason: '確認のため', totpCode: stepCode(1)() }),
    },
  };
  for (const [path, body] of Object.entries(forms)) {
    if (['intake', 'assessment', 'closure'].includes(path)) out[`PUT /api/cases/:caseId/${path}`] = { body };
    else {
      out[`POST /api/cases/:caseId/${path}`] = { body };
      out[`PUT /api/cases/:caseId/${path}/:recordId`] = { body };
    }
  }
  return out;
}

function urlOf(pattern: string, ids: Ids): string {
  const form = /\/api\/cases\/:caseId\/(.+)\/:recordId$/.exec(pattern)?.[1];
  return pattern
    .replace(':consulteeId', ids.consulteeId)
    .replace(':caseId', ids.caseId)
    .replace(':memberId', ids.memberId)
    .replace(':consentId', ids.consentId)
    .replace(':documentId', ids.documentId)
    .replace(':provisionId', pattern.endsWith('/document') ? ids.providedId : ids.provisionId)
    .replace(':stopId', ids.stopId)
    .replace(':requestId', pattern.endsWith('/withdraw') ? ids.withdrawableRequestId : ids.requestId)
    .replace(':itemKey', 'workplace')
    .replace(':form', 'plan')
    .replace(':draftKey', `case:${ids.caseId}:notes`)
    .replace(':recordId', form ? (ids.records[form] as string) : '');
}

async function changesOf(subjectId: string): Promise<number> {
  return asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const { rows } = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM record_history WHERE subject_id = ${subjectId}::uuid)
        + (SELECT count(*) FROM drafts WHERE consultee_id = ${subjectId}::uuid)
        + (SELECT count(*) FROM my_numbers WHERE consultee_id = ${subjectId}::uuid)
        + (SELECT count(*) FROM my_number_erasures WHERE consultee_id = ${subjectId}::uuid) AS n`.execute(tx);
    return Number(rows[0]?.n);
  });
}

async function setUp(worker: Client): Promise<Ids> {
  const { consulteeId, caseId } = await caseAt(worker, 'in_support');
  await applyAll(worker, caseId, [
    ...budgetSteps('2026-05-01'),
    { form: 'budget/cash-flows', method: 'POST', body: { startMonth: '2026-05', openingBalance: 0, events: [] } },
  ]);
  const member = await worker.post(`/api/consultees/${consulteeId}/household`, {
    relationship: 'child',
    familyName: '見本',
    cohabiting: true,
    source: 'self',
  });
  const document = await worker.post(`/api/consultees/${consulteeId}/documents`, {
    fileName: '同意書.pdf',
    mediaType: 'application/pdf',
    contentBase64: TINY_PDF,
  });
  const record = (await worker.get(`/api/cases/${caseId}`)).json();
  const consultee = (await worker.get(`/api/consultees/${consulteeId}`)).json();
  await applyAll(worker, caseId, [
    { form: 'evaluations', method: 'POST', body: sampleEvaluation('2026-08-01', 'continue') },
  ]);
  const evaluations = (await worker.get(`/api/cases/${caseId}`)).json().evaluations;
  const agencyId = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const id = randomUUID();
    await tx
      .insertInto('relatedAgencies')
      .values({
        tenantId: t.w.tenantId,
        agencyId: id,
        name: '見本市 住宅課',
        kind: 'administrative',
        administrative: true,
      })
      .execute();
    return id;
  });
  const clinicId = await asOwnerInTenant(t.tdb.owner, t.w.tenantId, async (tx) => {
    const id = randomUUID();
    await tx
      .insertInto('relatedAgencies')
      .values({ tenantId: t.w.tenantId, agencyId: id, name: '見本クリニック', kind: 'medical', administrative: false })
      .execute();
    return id;
  });
  const asked = await worker.post(`/api/consultees/${consulteeId}/provisions`, {
    recipientAgencyId: clinicId,
    purpose: 'support_coordination',
    mode: 'third_party',
    items: ['name'],
    ground: 'life_body_property',
    groundReason: '緊急に医療機関へつなぐ必要があるため',
  });
  expect(asked.statusCode, asked.body).toBe(200);
  const provided = await worker.post(`/api/consultees/${consulteeId}/provisions`, {
    recipientAgencyId: agencyId,
    purpose: 'support_coordination',
    mode: 'third_party',
    items: ['name'],
  });
  expect(provided.json().status, provided.body).toBe('provided');
  const stop = await worker.post(`/api/consultees/${consulteeId}/stops`, {
    kind: 'provision',
    fromDate: '2099-01-01',
    reason: '本人の申出',
  });
  expect(stop.statusCode, stop.body).toBe(200);
  const outOfPurpose = async (): Promise<string> => {
    const res = await worker.post(`/api/consultees/${consulteeId}/out-of-purpose`, outOfPurposeBody(agencyId));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().requestId;
  };
  return {
    agencyId,
    provisionId: asked.json().provisionId,
    requestId: await outOfPurpose(),
    withdrawableRequestId: await outOfPurpose(),
    providedId: provided.json().provisionId,
    stopId: stop.json().id,
    consulteeId,
    caseId,
    memberId: member.json().id,
    consentId: consultee.consents[0].consentId,
    documentId: document.json().id,
    records: {
      plans: record.plans[0].planId,
      meetings: record.meetings[0].meetingId,
      decisions: record.decisions[0].decisionId,
      applications: record.applications[0].applicationId,
      notes: record.notes[0].noteId,
      evaluations: evaluations[0].evaluationId,
      'budget/sheets': record.budget.sheets[0].sheetId,
      'budget/cash-flows': record.budget.cashFlows[0].cashFlowId,
      'budget/debts': record.budget.debts[0].debtId,
      'budget/arrears': record.budget.arrears[0].arrearId,
      'budget/plans': record.budget.plans[0].budgetPlanId,
    },
  };
}

describe('[SEC-4] every route × every role × someone else’s record', () => {
  it('is refused without a trace of whose record it is and changes nothing; the case’s own worker succeeds with the same requests', async () => {
    const owner = await signIn(t.app, t.w, 'worker1');
    const ids = await setUp(owner);
    await designateHandler(t.w.staff.worker1?.staffId as string);
    const table = fixtures(ids, t.w.staff.worker1?.staffId as string);
    const routes = t.app.declaredRoutes.filter((r) => /:(caseId|consulteeId|draftKey)/.test(r.url));
    expect(routes.length).toBeGreaterThan(45);
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in table));
    expect(missing, 'routes without a fixture in this test').toEqual([]);

    const before = await changesOf(ids.consulteeId);
    for (const who of ATTACKERS) {
      const attacker = await signIn(t.app, t.w, who, t.tdb);
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        // A role the route is meant for is tested by the legitimate run below.
        if (table[key]?.alsoAllowed?.includes(who)) continue;
        const res = await attacker.request({
          method: route.method as 'GET',
          url: urlOf(route.url, ids),
          ...payloadOf(table[key]),
        });
        expect([403, 404], `${who} ${key}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(res.body, `${who} ${key}`).not.toContain('見本');
        expect(res.body, `${who} ${key}`).not.toContain(ids.consulteeId);
      }
    }
    expect(await changesOf(ids.consulteeId)).toBe(before);

    const chief = await signIn(t.app, t.w, 'chief');
    const ppm = await signIn(t.app, t.w, 'ppm', t.tdb);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const by = table[key]?.by === 'chief' ? chief : table[key]?.by === 'ppm' ? ppm : owner;
      const res = await by.request({
        method: route.method as 'GET',
        url: urlOf(route.url, ids),
        ...payloadOf(table[key]),
      });
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBe(200);
    }
  });
});
