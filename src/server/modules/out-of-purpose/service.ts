// Use or provision of a consultee's data outside the purposes (目的外利用・提供) and
// its approval flow (PUR-3, PUR-6, PRV-6). A worker files the request for a person
// in reach; the privacy protection manager, as the privacy counter, gives the
// counter's opinion, records the council's referral and answer and any attached
// opinions, and records the head's decision. Every step is one transaction: the
// choke point's access event, the change and its audit event commit together, and a
// refused step changes nothing but leaves its refusal in the audit trail.
// core/out-of-purpose.ts decides; this gathers the facts and records.

import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Work } from '../../access/data-access.js';
import {
  availableSteps,
  checkRequest,
  OPEN_STATUSES,
  takeStep,
  type OutOfPurposeDraft,
  type OutOfPurposeState,
  type OutOfPurposeStep,
  type RequestItem as DraftItem,
  type StepInput,
} from '../../core/out-of-purpose.js';
import type { Tx } from '../../db/database.js';
import type { OutOfPurposeRequestsTable } from '../../db/schema.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { classesOfItems, provisionItem } from '../../../shared/provision-items.js';
import { tokyoDate } from '../../../shared/wareki.js';
import { loadConsents } from '../consultees/consents.js';
import { today } from '../consultees/service.js';
import { stopsInForce } from '../provisions/receipts.js';
import type {
  CouncilAnswerBody,
  CouncilReferralBody,
  CounterOpinionBody,
  DecisionBody,
  OpinionBody,
  RequestBody,
  RequestItem,
} from './schema.js';

type Row = Selectable<OutOfPurposeRequestsTable>;
type Staff = { staffId: string; displayName: string } | null;

function itemsOf(keys: readonly string[]): DraftItem[] {
  return keys.map((key) => {
    const def = provisionItem(key);
    return { key, label: def?.label ?? key, class: def?.class ?? 'special_care' };
  });
}

function stateOf(row: {
  kind: Row['kind'];
  status: Row['status'];
  requestedBy: string;
  counterAt: Date | null;
  councilRequired: boolean | null;
  councilReferredOn: string | null;
  councilAnsweredOn: string | null;
}): OutOfPurposeState {
  return {
    kind: row.kind,
    status: row.status,
    requestedBy: row.requestedBy,
    counterOn: row.counterAt ? tokyoDate(row.counterAt) : null,
    councilRequired: row.councilRequired,
    councilReferredOn: row.councilReferredOn,
    councilAnsweredOn: row.councilAnsweredOn,
  };
}

/** The request as the rule reads it, with the facts of today: consents, stops, who holds the data. */
async function judge(
  work: Work,
  tx: Tx,
  consulteeId: string,
  organizationId: string,
  draft: OutOfPurposeDraft,
): Promise<ReturnType<typeof checkRequest>> {
  const onDate = today();
  const organization = await work.operational
    .selectFrom('organizations')
    .select('kind')
    .where('organizationId', '=', organizationId)
    .executeTakeFirst();
  return checkRequest(draft, {
    onDate,
    consents: await loadConsents(tx, consulteeId),
    ...(await stopsInForce(tx, consulteeId, onDate)),
    organizationAdministrative: organization?.kind === 'municipality',
  });
}

async function recipientOf(work: Work, body: RequestBody): Promise<OutOfPurposeDraft['recipient']> {
  if (body.kind === 'use') return null;
  if (body.recipientAgencyId) {
    const agency = await work.operational
      .selectFrom('relatedAgencies')
      .select(['agencyId', 'name', 'administrative', 'retiredOn'])
      .where('agencyId', '=', body.recipientAgencyId)
      .executeTakeFirst();
    if (!agency || (agency.retiredOn !== null && agency.retiredOn <= today())) {
      throw invalid('recipientAgencyId', '「提供先」は関係機関の一覧（使用中のもの）から選んでください');
    }
    return { agencyId: agency.agencyId, name: agency.name, administrative: agency.administrative };
  }
  const name = body.recipientName?.trim() ?? '';
  return name === '' ? null : { agencyId: null, name, administrative: false };
}

function refused(
  work: Work,
  action: string,
  consulteeId: string,
  organizationId: string,
  refusal: { code: string; field: string; message: string },
  requestId?: string,
): Promise<never> {
  return work.refuseBecause(
    {
      category: 'access',
      action,
      outcome: 'denied',
      recordKind: requestId ? 'out_of_purpose_request' : 'consultee',
      recordIds: [requestId ?? consulteeId],
      subjectIds: [consulteeId],
      recordOrganizationId: organizationId,
      purpose: work.purpose,
      details: { reason: refusal.code },
    },
    new AppError(409, 'out_of_purpose_refused', refusal.message, refusal.field),
  );
}

/** PUR-3, PUR-6: files a request; refused (and audited) unless it rests on consent in force or a ground with its reason. */
export async function fileRequest(work: Work, consulteeId: string, body: RequestBody) {
  const items = itemsOf(body.items);
  const grant = await work.authorize('consultee', 'provide', [consulteeId], classesOfItems(body.items));
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const recipient = await recipientOf(work, body);
  const draft: OutOfPurposeDraft = {
    kind: body.kind,
    items,
    itemsReason: body.itemsReason,
    recipient,
    basis: body.basis,
    consentId: body.basis === 'consent' ? (body.consentId ?? null) : null,
    ground: body.basis === 'ground' ? (body.ground ?? null) : null,
    reason: body.reason,
    noImproperUse: body.noImproperUse,
  };
  const check = await judge(work, grant.tx, consulteeId, target.organizationId, draft);
  if (!check.ok) return refused(work, 'out_of_purpose.request', consulteeId, target.organizationId, check);

  const requestId = randomUUID();
  await grant.tx
    .insertInto('outOfPurposeRequests')
    .values({
      tenantId: work.actor.tenantId,
      requestId,
      consulteeId,
      organizationId: target.organizationId,
      kind: body.kind,
      requestingSection: body.requestingSection.trim(),
      useDescription: body.useDescription.trim(),
      recipientAgencyId: recipient?.agencyId ?? null,
      recipientName: recipient?.name ?? null,
      items: items.map((i) => i.key),
      itemsReason: body.itemsReason.trim(),
      basis: body.basis,
      consentId: draft.consentId,
      ground: draft.ground,
      reason: body.reason.trim(),
      status: 'counter',
      requestedBy: work.actor.staffId,
    })
    .execute();
  await work.audit({
    category: 'access',
    action: 'out_of_purpose.request',
    outcome: 'success',
    recordKind: 'out_of_purpose_request',
    recordIds: [requestId],
    subjectIds: [consulteeId],
    recordOrganizationId: target.organizationId,
    dataClasses: classesOfItems(body.items),
    purpose: work.purpose,
    details: { kind: body.kind, basis: body.basis, ground: draft.ground, items: draft.items.map((i) => i.key) },
  });
  return (await loadRequests(work, grant.tx, consulteeId, requestId))[0] as RequestItem;
}

/** Every request of the person (or one), newest first, with the opinions and who recorded each step. */
async function loadRequests(work: Work, tx: Tx, consulteeId: string, requestId?: string): Promise<RequestItem[]> {
  let query = tx
    .selectFrom('outOfPurposeRequests as o')
    .leftJoin('consents as c', (j) => j.onRef('c.tenantId', '=', 'o.tenantId').onRef('c.consentId', '=', 'o.consentId'))
    .leftJoin('staff as rq', (j) => j.onRef('rq.tenantId', '=', 'o.tenantId').onRef('rq.staffId', '=', 'o.requestedBy'))
    .leftJoin('staff as cb', (j) => j.onRef('cb.tenantId', '=', 'o.tenantId').onRef('cb.staffId', '=', 'o.counterBy'))
    .leftJoin('staff as db', (j) => j.onRef('db.tenantId', '=', 'o.tenantId').onRef('db.staffId', '=', 'o.decidedBy'))
    .selectAll('o')
    .select([
      'c.givenOn as consentGivenOn',
      'rq.displayName as requestedByName',
      'cb.displayName as counterByName',
      'db.displayName as decidedByName',
    ])
    .where('o.consulteeId', '=', consulteeId);
  if (requestId) query = query.where('o.requestId', '=', requestId);
  const rows = await query.orderBy('o.requestedAt', 'desc').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.requestId);
  const opinions = await tx
    .selectFrom('outOfPurposeOpinions as p')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'p.tenantId').onRef('s.staffId', '=', 'p.recordedBy'))
    .select([
      'p.opinionId',
      'p.requestId',
      'p.author',
      'p.body',
      'p.givenOn',
      'p.recordedBy',
      's.displayName as recordedByName',
      'p.recordedAt',
    ])
    .where('p.requestId', 'in', ids)
    .orderBy('p.givenOn')
    .orderBy('p.recordedAt')
    .execute();
  const history = await tx
    .selectFrom('recordHistory as h')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'h.tenantId').onRef('s.staffId', '=', 'h.changedBy'))
    .select([
      'h.recordId',
      'h.changeKind',
      'h.changedFields',
      'h.changes',
      'h.changedBy',
      's.displayName',
      'h.changedAt',
    ])
    .where('h.subjectId', '=', consulteeId)
    .where('h.recordTable', '=', 'out_of_purpose_requests')
    .where('h.recordId', 'in', ids)
    .orderBy('h.historyId')
    .execute();
  const staff = (id: string | null, name: string | null): Staff =>
    id ? { staffId: id, displayName: name ?? '' } : null;
  const actor = { staffId: work.actor.staffId, roles: work.actor.roles };
  return rows.map((r) => ({
    requestId: r.requestId,
    consulteeId: r.consulteeId,
    kind: r.kind,
    status: r.status,
    requestingSection: r.requestingSection,
    useDescription: r.useDescription,
    recipientAgencyId: r.recipientAgencyId,
    recipientName: r.recipientName,
    items: r.items,
    itemsReason: r.itemsReason,
    basis: r.basis,
    consentId: r.consentId,
    consentGivenOn: r.consentGivenOn ?? null,
    ground: r.ground,
    reason: r.reason,
    requestedBy: staff(r.requestedBy, r.requestedByName),
    requestedAt: r.requestedAt.toISOString(),
    counterOpinion: r.counterOpinion,
    counterBy: staff(r.counterBy, r.counterByName),
    counterAt: r.counterAt?.toISOString() ?? null,
    councilRequired: r.councilRequired,
    councilName: r.councilName,
    councilReferredOn: r.councilReferredOn,
    councilAnswer: r.councilAnswer,
    councilAnsweredOn: r.councilAnsweredOn,
    decision: r.decision,
    decidedInNameOf: r.decidedInNameOf,
    decidedOn: r.decidedOn,
    decisionNote: r.decisionNote,
    decidedBy: staff(r.decidedBy, r.decidedByName),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    opinions: opinions
      .filter((p) => p.requestId === r.requestId)
      .map((p) => ({
        opinionId: p.opinionId,
        author: p.author,
        body: p.body,
        givenOn: p.givenOn,
        recordedBy: staff(p.recordedBy, p.recordedByName),
        recordedAt: p.recordedAt.toISOString(),
      })),
    recorded: history
      .filter((h) => h.recordId === r.requestId)
      .flatMap((h) => {
        const step = stepOfChange(h.changeKind, h.changedFields, h.changes);
        return step ? [{ step, by: staff(h.changedBy, h.displayName), at: h.changedAt.toISOString() }] : [];
      }),
    steps: availableSteps(stateOf(r), actor),
  }));
}

/** Which step a change of the request's row was, read from the history the trigger keeps. */
function stepOfChange(
  kind: string,
  fields: readonly string[],
  changes: Record<string, { from: unknown; to: unknown }>,
): 'request' | OutOfPurposeStep | null {
  if (kind === 'insert') return 'request';
  if (fields.includes('decision')) return 'decide';
  if (fields.includes('counter_opinion')) return 'counter_opinion';
  if (fields.includes('council_answer')) return 'council_answer';
  if (fields.includes('council_referred_on')) return 'council_referral';
  if (changes.status?.to === 'withdrawn') return 'withdraw';
  return null;
}

/** The person's requests (the consultee's tab), for whoever may read the person's record for coordination. */
export async function listRequests(work: Work, consulteeId: string): Promise<RequestItem[]> {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  return loadRequests(work, grant.tx, consulteeId);
}

async function consulteeName(tx: Tx, consulteeId: string): Promise<string> {
  const row = await tx
    .selectFrom('consultees')
    .select(['familyName', 'givenName'])
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirst();
  return `${row?.familyName ?? ''} ${row?.givenName ?? ''}`.trim();
}

/** One request with the person's name (the manager's view of it). */
export async function readRequest(work: Work, consulteeId: string, requestId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId], ['ordinary']);
  const [request] = await loadRequests(work, grant.tx, consulteeId, requestId);
  if (!request) throw notFound();
  return { consulteeName: await consulteeName(grant.tx, consulteeId), request };
}

/**
 * One step of the flow: the choke point first (the requester reaches the person to
 * update; the manager to approve), the row locked, the rule asked, then the change
 * and its audit event in the same transaction.
 */
async function step(
  work: Work,
  consulteeId: string,
  requestId: string,
  input: StepInput,
  apply: (tx: Tx, row: Row, status: Row['status']) => Promise<Record<string, unknown>>,
) {
  const grant = await work.authorize(
    'consultee',
    input.step === 'withdraw' ? 'update' : 'approve',
    [consulteeId],
    ['ordinary'],
  );
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const row = await grant.tx
    .selectFrom('outOfPurposeRequests')
    .selectAll()
    .where('consulteeId', '=', consulteeId)
    .where('requestId', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  const action = `out_of_purpose.${input.step}`;
  const outcome = takeStep(stateOf(row), { staffId: work.actor.staffId, roles: work.actor.roles }, input, today());
  if (!outcome.ok) return refused(work, action, consulteeId, target.organizationId, outcome, requestId);
  const details = await apply(grant.tx, row, outcome.status);
  await work.audit({
    category: 'access',
    action,
    outcome: 'success',
    recordKind: 'out_of_purpose_request',
    recordIds: [requestId],
    subjectIds: [consulteeId],
    recordOrganizationId: target.organizationId,
    purpose: work.purpose,
    details: { from: row.status, to: outcome.status, ...details },
  });
  return {
    consulteeName: await consulteeName(grant.tx, consulteeId),
    request: (await loadRequests(work, grant.tx, consulteeId, requestId))[0] as RequestItem,
  };
}

const update = (tx: Tx, requestId: string) => tx.updateTable('outOfPurposeRequests').where('requestId', '=', requestId);

export function withdrawRequest(work: Work, consulteeId: string, requestId: string) {
  return step(work, consulteeId, requestId, { step: 'withdraw' }, async (tx, _row, status) => {
    await update(tx, requestId).set({ status }).execute();
    return {};
  });
}

/** S2 §10: the counter's opinion, and whether the advisory council must be consulted. */
export function recordCounterOpinion(work: Work, consulteeId: string, requestId: string, body: CounterOpinionBody) {
  return step(
    work,
    consulteeId,
    requestId,
    { step: 'counter_opinion', councilRequired: body.councilRequired },
    async (tx, _row, status) => {
      await update(tx, requestId)
        .set({
          status,
          counterOpinion: body.opinion.trim(),
          counterBy: work.actor.staffId,
          counterAt: sql<Date>`now()`,
          councilRequired: body.councilRequired,
        })
        .execute();
      return { councilRequired: body.councilRequired };
    },
  );
}

/** S2 §11, §13: the referral to the advisory council (諮問). */
export function recordCouncilReferral(work: Work, consulteeId: string, requestId: string, body: CouncilReferralBody) {
  return step(work, consulteeId, requestId, { step: 'council_referral', referredOn: body.referredOn }, async (tx) => {
    await update(tx, requestId)
      .set({ councilName: body.councilName.trim(), councilReferredOn: body.referredOn })
      .execute();
    return { referredOn: body.referredOn };
  });
}

/** S2 §11-2: the council's answer (答申); the request then waits for the head's decision. */
export function recordCouncilAnswer(work: Work, consulteeId: string, requestId: string, body: CouncilAnswerBody) {
  return step(
    work,
    consulteeId,
    requestId,
    { step: 'council_answer', answeredOn: body.answeredOn },
    async (tx, _row, status) => {
      await update(tx, requestId)
        .set({ status, councilAnswer: body.answer.trim(), councilAnsweredOn: body.answeredOn })
        .execute();
      return { answeredOn: body.answeredOn };
    },
  );
}

/** S2 §11-2(3): opinions attached to the request (附帯意見等), kept with it. */
export function attachOpinion(work: Work, consulteeId: string, requestId: string, body: OpinionBody) {
  return step(work, consulteeId, requestId, { step: 'opinion', givenOn: body.givenOn }, async (tx, row) => {
    const opinionId = randomUUID();
    await tx
      .insertInto('outOfPurposeOpinions')
      .values({
        tenantId: work.actor.tenantId,
        opinionId,
        requestId,
        organizationId: row.organizationId,
        author: body.author.trim(),
        body: body.body.trim(),
        givenOn: body.givenOn,
        recordedBy: work.actor.staffId,
      })
      .execute();
    return { opinionId };
  });
}

/**
 * The head's decision (実施機関の長の決定), recorded in the head's name by the
 * manager, never by the requester. An approval is checked again against today's
 * facts: a consent withdrawn or a stop put in place since the request was filed
 * refuses it (PUR-3).
 */
export function recordDecision(work: Work, consulteeId: string, requestId: string, body: DecisionBody) {
  return step(
    work,
    consulteeId,
    requestId,
    {
      step: 'decide',
      decision: body.decision,
      decidedOn: body.decidedOn,
      note: body.note ?? null,
      noImproperUse: body.noImproperUse === true,
    },
    async (tx, row, status) => {
      if (status === 'approved') {
        const items = itemsOf(row.items);
        const check = await judge(work, tx, consulteeId, row.organizationId, {
          kind: row.kind,
          items,
          itemsReason: row.itemsReason,
          recipient: row.kind === 'use' ? null : await recipientNow(work, row.recipientAgencyId, row.recipientName),
          basis: row.basis,
          consentId: row.consentId,
          ground: row.ground,
          reason: row.reason,
          noImproperUse: true,
        });
        if (!check.ok) {
          return refused(
            work,
            'out_of_purpose.decide',
            consulteeId,
            row.organizationId,
            {
              ...check,
              field: 'decision',
              message: `申請の内容が、現在は承認できる条件を満たしていません。${check.message}`,
            },
            requestId,
          );
        }
      }
      await update(tx, requestId)
        .set({
          status,
          decision: body.decision,
          decidedInNameOf: body.decidedInNameOf.trim(),
          decidedOn: body.decidedOn,
          decisionNote: body.note?.trim() || null,
          decidedBy: work.actor.staffId,
          decidedAt: sql<Date>`now()`,
        })
        .execute();
      return { decision: body.decision, decidedOn: body.decidedOn, noImproperUse: body.noImproperUse === true };
    },
  );
}

async function recipientNow(work: Work, agencyId: string | null, name: string | null) {
  if (agencyId) {
    const agency = await work.operational
      .selectFrom('relatedAgencies')
      .select(['agencyId', 'name', 'administrative'])
      .where('agencyId', '=', agencyId)
      .executeTakeFirst();
    if (agency) return agency;
  }
  return name ? { agencyId, name, administrative: false } : null;
}

/** The manager's queue: open requests (or the latest closed ones) of the organization, oldest first. */
export async function queue(work: Work, state: 'open' | 'closed') {
  const open = state === 'open';
  const rows = await work.list(
    'consultee',
    ['ordinary'],
    async ({ tx, where, assigned }) => {
      const { rows: found } = await sql<{
        id: string;
        assigned: boolean;
        requestId: string;
        consulteeName: string;
        kind: Row['kind'];
        status: Row['status'];
        requestingSection: string;
        recipientName: string | null;
        items: string[];
        basis: 'consent' | 'ground';
        ground: string | null;
        councilRequired: boolean | null;
        requestedByName: string;
        requestedAt: Date;
        decidedOn: string | null;
      }>`
      SELECT r.consultee_id AS id, ${assigned} AS assigned, o.request_id,
        r.family_name || ' ' || r.given_name AS consultee_name, o.kind, o.status, o.requesting_section,
        o.recipient_name, o.items, o.basis, o.ground, o.council_required,
        s.display_name AS requested_by_name, o.requested_at, o.decided_on
      FROM out_of_purpose_requests o
      JOIN consultees r ON r.tenant_id = o.tenant_id AND r.consultee_id = o.consultee_id
      JOIN staff s ON s.tenant_id = o.tenant_id AND s.staff_id = o.requested_by
      WHERE ${where} AND ${open ? sql`o.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})` : sql`o.status NOT IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`}
      ORDER BY o.requested_at ${open ? sql`ASC` : sql`DESC`}
      LIMIT 200`.execute(tx);
      return found;
    },
    { list: 'out_of_purpose', state },
  );
  return rows.map(({ id, assigned: _assigned, ...rest }) => ({
    ...rest,
    consulteeId: id,
    requestedAt: rest.requestedAt.toISOString(),
  }));
}
