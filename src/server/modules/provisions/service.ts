// Provision of a consultee's items to a related agency (PRV-1..5, CON-3, CON-5)
// and its record (PRV-3, RET-1); the person's stops of use or provision; receipts
// from third parties (ACQ-7). The services gather the facts; core/provision.ts
// decides. A provision is recorded in the same transaction as it is made, with the
// items exactly as sent.

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import type { DataClass } from '../../core/data-classes.js';
import {
  decideProvision,
  recordRetentionEnd,
  type ProvisionDecision,
  type ProvisionGround,
} from '../../core/provision.js';
import type { Tx } from '../../db/database.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { classesOfItems, provisionItem, type ProvisionItemKey } from '../../../shared/provision-items.js';
import { loadConsents } from '../consultees/consents.js';
import { today } from '../consultees/service.js';
import { gatherItems, type SentItem } from './gather.js';
import { stopsInForce } from './receipts.js';
import type { DecisionBody, ProvisionBody } from './schema.js';

/** The joint-use declaration relied on, in the version in effect on the day (PRV-2). */
async function jointUseOf(work: Work, tx: Tx, declarationId: string | null | undefined, onDate: string) {
  if (!declarationId) return null;
  const row = await tx
    .selectFrom('jointUseDeclarations as d')
    .innerJoin('jointUseVersions as v', (j) =>
      j.onRef('v.tenantId', '=', 'd.tenantId').onRef('v.declarationId', '=', 'd.declarationId'),
    )
    .select([
      'd.declarationId',
      'd.endedOn',
      'v.version',
      'v.items',
      'v.userAgencyIds',
      'v.purposes',
      'v.effectiveFrom',
    ])
    .select((eb) =>
      eb
        .selectFrom('jointUseVersions as first')
        .select('first.changedOn')
        .whereRef('first.tenantId', '=', 'd.tenantId')
        .whereRef('first.declarationId', '=', 'd.declarationId')
        .where('first.version', '=', 1)
        .as('publishedOn'),
    )
    .where('d.declarationId', '=', declarationId)
    .where('v.effectiveFrom', '<=', onDate)
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
  if (!row || (row.endedOn !== null && row.endedOn <= onDate)) {
    throw invalid('jointUseDeclarationId', '「共同利用の公表」は、現在有効なものから選んでください');
  }
  // Declared purposes are worded for the public; a provision names one of the tenant's purpose codes.
  const wordings = await work.operational
    .selectFrom('purposeVersions')
    .select(['purposeCode', 'wording'])
    .where('purposeCode', 'in', work.actor.purposes.length > 0 ? [...work.actor.purposes] : [''])
    .execute();
  const purposes = new Set(row.purposes);
  for (const w of wordings) if (row.purposes.includes(w.wording)) purposes.add(w.purposeCode);
  return {
    declarationId: row.declarationId,
    userAgencyIds: row.userAgencyIds,
    itemKeys: row.items,
    purposes: [...purposes],
    publishedOn: row.publishedOn ?? null,
    effectiveFrom: row.effectiveFrom,
  };
}

interface Facts {
  decision: ProvisionDecision;
  recipient: { agencyId: string | null; name: string; address: string | null };
}

/** Everything the rule needs, read in the command's transaction; then the rule decides. */
async function decide(
  work: Work,
  tx: Tx,
  consulteeId: string,
  body: ProvisionBody,
  approvedBy: string | null,
): Promise<Facts> {
  const onDate = today();
  const manyUnspecified = body.manyUnspecified === true;
  let recipient: Facts['recipient'] & { kind: string; administrative: boolean; contractor: boolean };
  if (manyUnspecified) {
    recipient = {
      agencyId: null,
      name: '不特定多数の者',
      address: null,
      kind: '',
      administrative: false,
      contractor: false,
    };
  } else {
    if (!body.recipientAgencyId) throw invalid('recipientAgencyId', '「提供先」を関係機関の一覧から選んでください');
    const agency = await work.operational
      .selectFrom('relatedAgencies')
      .select(['agencyId', 'name', 'address', 'kind', 'administrative', 'contractor', 'retiredOn'])
      .where('agencyId', '=', body.recipientAgencyId)
      .executeTakeFirst();
    if (!agency || (agency.retiredOn !== null && agency.retiredOn <= onDate)) {
      throw invalid('recipientAgencyId', '「提供先」は関係機関の一覧（使用中のもの）から選んでください');
    }
    recipient = agency;
  }
  const stops = await stopsInForce(tx, consulteeId, onDate);
  const decision = decideProvision({
    onDate,
    purpose: body.purpose,
    mode: body.mode,
    items: body.items.map((key) => {
      const def = provisionItem(key);
      return { key, label: def?.label ?? key, class: def?.class ?? 'special_care' };
    }),
    recipient: { ...recipient, manyUnspecified },
    consents: await loadConsents(tx, consulteeId),
    stopInForce: stops.useStopped || stops.provisionStopped,
    pseudonymized: false,
    ground: body.ground ? { code: body.ground, reason: body.groundReason ?? '' } : null,
    approvedBy,
    jointUse: body.mode === 'joint_use' ? await jointUseOf(work, tx, body.jointUseDeclarationId, onDate) : null,
    tenantPurposes: work.actor.purposes,
  });
  return { decision, recipient: { agencyId: recipient.agencyId, name: recipient.name, address: recipient.address } };
}

/** The decision alone, for the screen to say before sending whether it may go and why not. */
export async function checkProvision(work: Work, consulteeId: string, body: ProvisionBody) {
  const grant = await work.authorize('consultee', 'provide', [consulteeId], classesOfItems(body.items));
  const { decision } = await decide(work, grant.tx, consulteeId, body, null);
  return decision;
}

async function refuseProvision(work: Work, consulteeId: string, organizationId: string, decision: ProvisionDecision) {
  if (decision.allowed) return;
  return work.refuseBecause(
    {
      category: 'access',
      action: 'consultee.provide',
      outcome: 'denied',
      recordKind: 'consultee',
      recordIds: [consulteeId],
      subjectIds: [consulteeId],
      recordOrganizationId: organizationId,
      purpose: work.purpose,
      details: { reason: decision.code },
    },
    new AppError(409, 'provision_refused', decision.message, decision.field),
  );
}

async function markProvided(
  work: Work,
  tx: Tx,
  provisionId: string,
  decision: Extract<ProvisionDecision, { allowed: true }>,
  sent: SentItem[],
) {
  await tx
    .updateTable('provisions')
    .set({
      status: 'provided',
      basis: decision.basis,
      consentId: decision.basis === 'consent' ? decision.consentId : null,
      jointUseDeclarationId: decision.basis === 'joint_use' ? decision.declarationId : null,
      providedOn: today(),
      providedBy: work.actor.staffId,
      sentValues: JSON.stringify(sent),
    })
    .where('provisionId', '=', provisionId)
    .execute();
}

/**
 * Provides the chosen items, or asks the privacy protection manager to approve a
 * provision on a ground, or refuses with the reason. A refusal changes nothing.
 */
export async function provide(work: Work, consulteeId: string, body: ProvisionBody) {
  const grant = await work.authorize('consultee', 'provide', [consulteeId], classesOfItems(body.items));
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const { decision, recipient } = await decide(work, grant.tx, consulteeId, body, null);
  if (!decision.allowed && !decision.needsApproval) {
    return refuseProvision(work, consulteeId, target.organizationId, decision);
  }
  const provisionId = randomUUID();
  await grant.tx
    .insertInto('provisions')
    .values({
      tenantId: work.actor.tenantId,
      provisionId,
      consulteeId,
      organizationId: target.organizationId,
      mode: body.mode,
      status: 'awaiting_approval',
      purposeCode: body.purpose,
      recipientAgencyId: recipient.agencyId,
      recipientName: recipient.name,
      recipientAddress: recipient.address,
      manyUnspecified: body.manyUnspecified === true,
      items: [...body.items],
      basis: null,
      consentId: null,
      ground: body.ground ?? null,
      groundReason: body.groundReason?.trim() || null,
      requestedBy: work.actor.staffId,
      approvedBy: null,
      approvedAt: null,
      decisionNote: null,
      providedOn: null,
      providedBy: null,
      sentValues: null,
      retainUntil: recordRetentionEnd(today()),
      jointUseDeclarationId: body.mode === 'joint_use' ? (body.jointUseDeclarationId ?? null) : null,
    })
    .execute();
  if (decision.allowed) {
    const sent = await gatherItems(grant.tx, consulteeId, body.items as ProvisionItemKey[], today());
    await markProvided(work, grant.tx, provisionId, decision, sent);
    return { provisionId, status: 'provided' as const, message: null };
  }
  return {
    provisionId,
    status: 'awaiting_approval' as const,
    message: '同意によらない提供のため、個人情報保護管理者の承認を待っています。承認されたら提供できます。',
  };
}

async function loadProvision(tx: Tx, consulteeId: string, provisionId: string) {
  const row = await tx
    .selectFrom('provisions')
    .selectAll()
    .where('consulteeId', '=', consulteeId)
    .where('provisionId', '=', provisionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * The privacy protection manager approves or refuses a provision resting on a
 * ground (PRV-1, PRV-6), seeing who asked, to whom, which items and why, but not
 * the items' content. No one approves their own request.
 */
export async function decideRequest(work: Work, consulteeId: string, provisionId: string, body: DecisionBody) {
  const grant = await work.authorize('consultee', 'approve', [consulteeId], ['ordinary']);
  const row = await loadProvision(grant.tx, consulteeId, provisionId);
  if (row.status !== 'awaiting_approval') throw conflict('この提供は既に判断されています', 'approve');
  if (row.requestedBy === work.actor.staffId) {
    throw conflict('自分が求めた提供を自分で承認することはできません', 'approve');
  }
  if (!body.approve && !body.note?.trim()) throw invalid('note', '承認しない場合は「理由」を入力してください');
  await grant.tx
    .updateTable('provisions')
    .set({
      status: body.approve ? 'approved' : 'rejected',
      approvedBy: work.actor.staffId,
      approvedAt: new Date(),
      decisionNote: body.note?.trim() || null,
    })
    .where('provisionId', '=', provisionId)
    .execute();
  return { status: body.approve ? ('approved' as const) : ('rejected' as const) };
}

/** After approval the worker sends: the rule decides again, now with the approval, and on today's facts. */
export async function provideApproved(work: Work, consulteeId: string, provisionId: string) {
  const grant = await work.authorize('consultee', 'provide', [consulteeId], ['ordinary']);
  const target = grant.targets.get(consulteeId) as { organizationId: string; classes: DataClass[] };
  const row = await loadProvision(grant.tx, consulteeId, provisionId);
  if (row.status !== 'approved') throw conflict('承認された提供ではありません', 'provisionId');
  if (classesOfItems(row.items).some((c) => !target.classes.includes(c))) throw notFound();
  const { decision } = await decide(
    work,
    grant.tx,
    consulteeId,
    {
      recipientAgencyId: row.recipientAgencyId,
      manyUnspecified: row.manyUnspecified,
      purpose: row.purposeCode as ProvisionBody['purpose'],
      mode: row.mode,
      items: row.items as ProvisionItemKey[],
      ground: row.ground as ProvisionGround | null,
      groundReason: row.groundReason,
      jointUseDeclarationId: row.jointUseDeclarationId,
    },
    row.approvedBy,
  );
  if (!decision.allowed) return refuseProvision(work, consulteeId, target.organizationId, decision);
  const sent = await gatherItems(grant.tx, consulteeId, row.items as ProvisionItemKey[], today());
  await markProvided(work, grant.tx, provisionId, decision, sent);
  return { provisionId, status: 'provided' as const, message: null };
}

/** The person's provision records and requests, newest first (PRV-3; part of a disclosure later). */
export async function listProvisions(work: Work, consulteeId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const rows = await grant.tx
    .selectFrom('provisions as p')
    .leftJoin('staff as r', (j) => j.onRef('r.tenantId', '=', 'p.tenantId').onRef('r.staffId', '=', 'p.requestedBy'))
    .leftJoin('staff as a', (j) => j.onRef('a.tenantId', '=', 'p.tenantId').onRef('a.staffId', '=', 'p.approvedBy'))
    .select([
      'p.provisionId',
      'p.mode',
      'p.status',
      'p.purposeCode',
      'p.recipientAgencyId',
      'p.recipientName',
      'p.manyUnspecified',
      'p.items',
      'p.basis',
      'p.consentId',
      'p.ground',
      'p.groundReason',
      'p.requestedAt',
      'p.approvedAt',
      'p.decisionNote',
      'p.providedOn',
      'p.retainUntil',
      'r.displayName as requestedByName',
      'a.displayName as approvedByName',
    ])
    .where('p.consulteeId', '=', consulteeId)
    .orderBy('p.requestedAt', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    requestedAt: r.requestedAt.toISOString(),
    approvedAt: r.approvedAt?.toISOString() ?? null,
  }));
}

/** Provisions awaiting the privacy protection manager's decision, within the manager's reach. */
export async function awaitingApproval(work: Work) {
  return work.list('consultee', ['ordinary'], async ({ tx, where, assigned }) => {
    const { rows } = await sql<{
      id: string;
      assigned: boolean;
      provisionId: string;
      consulteeName: string;
      recipientName: string;
      items: string[];
      ground: string | null;
      groundReason: string | null;
      requestedByName: string;
      requestedAt: Date;
    }>`
      SELECT r.consultee_id AS id, ${assigned} AS assigned, p.provision_id,
        r.family_name || ' ' || r.given_name AS consultee_name, p.recipient_name, p.items, p.ground, p.ground_reason,
        s.display_name AS requested_by_name, p.requested_at
      FROM provisions p
      JOIN consultees r ON r.tenant_id = p.tenant_id AND r.consultee_id = p.consultee_id
      JOIN staff s ON s.tenant_id = p.tenant_id AND s.staff_id = p.requested_by
      WHERE ${where} AND p.status = 'awaiting_approval'
      ORDER BY p.requested_at
      LIMIT 200`.execute(tx);
    return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
  });
}
