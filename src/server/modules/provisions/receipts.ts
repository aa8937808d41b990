// Receipts from third parties (ACQ-7, RET-1) and the person's stops of use or of
// provision (利用停止・第三者提供の停止). A receipt is recorded only with the
// provider's name, address and representative and how the provider obtained the
// data confirmed; the record is kept 3 years. A stop in force makes every later
// provision refuse (core/provision.ts); lifting it is recorded with a reason.

import { randomUUID } from 'node:crypto';
import type { Work } from '../../access/data-access.js';
import type { Tx } from '../../db/database.js';
import { recordRetentionEnd } from '../../core/provision.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { classesOfItems } from '../../../shared/provision-items.js';
import { today } from '../consultees/service.js';
import type { LiftBody, ReceiptBody, StopBody } from './schema.js';

export async function recordReceipt(work: Work, consulteeId: string, body: ReceiptBody) {
  const grant = await work.authorize('consultee', 'update', [consulteeId], classesOfItems(body.items));
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  if (body.receivedOn > today()) throw invalid('receivedOn', '「受領日」に未来の日付は指定できません');
  if (body.providerAgencyId) {
    const agency = await work.operational
      .selectFrom('relatedAgencies')
      .select('agencyId')
      .where('agencyId', '=', body.providerAgencyId)
      .executeTakeFirst();
    if (!agency) throw invalid('providerAgencyId', '「提供元」は関係機関の一覧から選んでください');
  }
  if (body.consentId) {
    const consent = await grant.tx
      .selectFrom('consents')
      .select('consentId')
      .where('consentId', '=', body.consentId)
      .where('consulteeId', '=', consulteeId)
      .executeTakeFirst();
    if (!consent) throw invalid('consentId', '「本人の同意」はこの相談者の同意から選んでください');
  }
  const receiptId = randomUUID();
  await grant.tx
    .insertInto('receipts')
    .values({
      tenantId: work.actor.tenantId,
      receiptId,
      consulteeId,
      organizationId: target.organizationId,
      receivedOn: body.receivedOn,
      providerAgencyId: body.providerAgencyId ?? null,
      providerName: body.providerName.trim(),
      providerAddress: body.providerAddress.trim(),
      providerRepresentative: body.providerRepresentative.trim(),
      howObtained: body.howObtained.trim(),
      items: [...body.items],
      itemsNote: body.itemsNote?.trim() || null,
      consentId: body.consentId ?? null,
      consentNote: body.consentNote?.trim() || null,
      recordedBy: work.actor.staffId,
      retainUntil: recordRetentionEnd(today()),
    })
    .execute();
  return { id: receiptId };
}

export async function listReceipts(work: Work, consulteeId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const rows = await grant.tx
    .selectFrom('receipts as x')
    .innerJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'x.tenantId').onRef('s.staffId', '=', 'x.recordedBy'))
    .select([
      'x.receiptId',
      'x.receivedOn',
      'x.providerAgencyId',
      'x.providerName',
      'x.providerAddress',
      'x.providerRepresentative',
      'x.howObtained',
      'x.items',
      'x.itemsNote',
      'x.consentId',
      'x.consentNote',
      'x.recordedAt',
      'x.retainUntil',
      's.displayName as recordedByName',
    ])
    .where('x.consulteeId', '=', consulteeId)
    .orderBy('x.receivedOn', 'desc')
    .orderBy('x.recordedAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
}

/** The person's stops in force on the day: of use, of provision (either one stops every provision). */
export async function stopsInForce(tx: Tx, consulteeId: string, onDate: string) {
  const rows = await tx
    .selectFrom('provisionStops')
    .select('kind')
    .where('consulteeId', '=', consulteeId)
    .where('fromDate', '<=', onDate)
    .where((eb) => eb.or([eb('liftedOn', 'is', null), eb('liftedOn', '>', onDate)]))
    .execute();
  return { useStopped: rows.some((r) => r.kind === 'use'), provisionStopped: rows.some((r) => r.kind === 'provision') };
}

export async function recordStop(work: Work, consulteeId: string, body: StopBody) {
  const grant = await work.authorize('consultee', 'update', [consulteeId]);
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const stopId = randomUUID();
  await grant.tx
    .insertInto('provisionStops')
    .values({
      tenantId: work.actor.tenantId,
      stopId,
      consulteeId,
      organizationId: target.organizationId,
      kind: body.kind,
      fromDate: body.fromDate,
      reason: body.reason.trim(),
      liftedOn: null,
      liftReason: null,
      recordedBy: work.actor.staffId,
      liftedBy: null,
    })
    .execute();
  return { id: stopId };
}

export async function liftStop(work: Work, consulteeId: string, stopId: string, body: LiftBody) {
  const grant = await work.authorize('consultee', 'update', [consulteeId]);
  const stop = await grant.tx
    .selectFrom('provisionStops')
    .select(['fromDate', 'liftedOn'])
    .where('consulteeId', '=', consulteeId)
    .where('stopId', '=', stopId)
    .executeTakeFirst();
  if (!stop) throw notFound();
  if (stop.liftedOn !== null) throw conflict('この停止は既に解除されています', 'liftedOn');
  if (body.liftedOn < stop.fromDate) {
    throw invalid('liftedOn', '「解除の日」は停止の開始日以降の日にしてください');
  }
  await grant.tx
    .updateTable('provisionStops')
    .set({ liftedOn: body.liftedOn, liftReason: body.liftReason.trim(), liftedBy: work.actor.staffId })
    .where('stopId', '=', stopId)
    .execute();
  return { id: stopId };
}

export async function listStops(work: Work, consulteeId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId]);
  const onDate = today();
  const rows = await grant.tx
    .selectFrom('provisionStops as p')
    .innerJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'p.tenantId').onRef('s.staffId', '=', 'p.recordedBy'))
    .leftJoin('staff as l', (j) => j.onRef('l.tenantId', '=', 'p.tenantId').onRef('l.staffId', '=', 'p.liftedBy'))
    .select([
      'p.stopId',
      'p.kind',
      'p.fromDate',
      'p.reason',
      'p.liftedOn',
      'p.liftReason',
      's.displayName as recordedByName',
      'l.displayName as liftedByName',
    ])
    .where('p.consulteeId', '=', consulteeId)
    .orderBy('p.fromDate', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    inForce: r.fromDate <= onDate && (r.liftedOn === null || r.liftedOn > onDate),
  }));
}
