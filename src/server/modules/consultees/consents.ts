// Consent (CON-1..5, ACQ-6), the scanned forms it rests on, and the commissioning
// body's approvals (ACQ-3). A consent is never edited: a change is a new consent
// that supersedes the old one, and a withdrawal only ends it.

import { createHash, randomUUID } from 'node:crypto';
import type { Work } from '../../access/data-access.js';
import { logSinglePersonExport } from '../exports/service.js';
import { classesOfWrite } from '../../access/columns.js';
import { CONSENT_PROBLEM_FIELDS, checkConsentRecord, isInForce, type ConsentRecord } from '../../core/consent.js';
import type { ProvisionConsent } from '../../core/provision.js';
import { sql } from 'kysely';
import type { PurposeCode } from '../../core/purposes.js';
import type { Role } from '../../core/roles.js';
import type { Tx } from '../../db/database.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import type { ApprovalBody, ConsentBody, DocumentBody } from './schema.js';

/** Who may record the commissioning body's approval: the chief, who answers for the office. */
export const ROLES_RECORDING_APPROVALS: readonly Role[] = ['chief_support_worker'];

/** The person's consents, each with the related agencies it names. */
export async function loadConsents(tx: Tx, consulteeId: string): Promise<ProvisionConsent[]> {
  const rows = await tx
    .selectFrom('consents')
    .selectAll('consents')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('consentAgencies as a')
            .select((inner) => inner.fn.agg<string[]>('array_agg', ['a.agencyId']).as('ids'))
            .whereRef('a.consentId', '=', 'consents.consentId'),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as('agencyIds'),
    )
    .where('consulteeId', '=', consulteeId)
    .orderBy('givenOn', 'desc')
    .execute();
  return rows.map((r) => ({
    agencyIds: r.agencyIds,
    consentId: r.consentId,
    givenBy: r.givenBy,
    representativeName: r.representativeName,
    representativeAuthority: r.representativeAuthority,
    method: r.method,
    explanation: r.explanation,
    documentId: r.documentId,
    givenOn: r.givenOn,
    purposes: r.purposes as PurposeCode[],
    agencyKinds: r.agencyKinds,
    coversSpecialCare: r.coversSpecialCare,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    withdrawnOn: r.withdrawnOn,
    supersededBy: r.supersededBy,
  }));
}

export async function loadApprovals(tx: Tx, consulteeId: string) {
  return tx
    .selectFrom('commissioningApprovals')
    .select(['approvalId', 'categories'])
    .where('consulteeId', '=', consulteeId)
    .execute();
}

export async function recordConsent(work: Work, consulteeId: string, body: ConsentBody): Promise<string> {
  const grant = await work.authorize(
    'consultee',
    'update',
    [consulteeId],
    classesOfWrite('consents', Object.keys(body)),
  );
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const problem = checkConsentRecord({
    givenBy: body.givenBy,
    representativeName: body.representativeName ?? null,
    representativeAuthority: body.representativeAuthority ?? null,
    method: body.method,
    explanation: body.explanation ?? null,
    documentId: body.documentId ?? null,
    givenOn: body.givenOn,
    purposes: body.purposes,
    agencyKinds: body.agencyKinds,
    coversSpecialCare: body.coversSpecialCare,
    validFrom: body.validFrom,
    validUntil: body.validUntil ?? null,
  });
  if (problem) throw invalid(CONSENT_PROBLEM_FIELDS[problem].field, CONSENT_PROBLEM_FIELDS[problem].message);
  // PUR-1: a consent covers the tenant's purposes in force, not any other.
  if (body.purposes.some((p) => !work.actor.purposes.includes(p))) {
    throw invalid('purposes', '「同意の範囲（利用目的）」は、定められている利用目的から選んでください');
  }
  const agencyIds = [...(body.agencyIds ?? [])];
  if (agencyIds.length > 0) {
    const found = await work.operational
      .selectFrom('relatedAgencies')
      .select('agencyId')
      .where('agencyId', 'in', agencyIds)
      .where('retiredOn', 'is', null)
      .execute();
    if (found.length !== agencyIds.length) {
      throw invalid('agencyIds', '「同意の範囲の関係機関」は、関係機関の一覧（使用中のもの）から選んでください');
    }
  }
  if (body.method === 'written' && !body.documentId) {
    throw invalid('documentId', '書面による同意の場合は、署名された同意書の写し（スキャン）を登録してください');
  }
  if (body.documentId) {
    const document = await grant.tx
      .selectFrom('documents')
      .select('documentId')
      .where('documentId', '=', body.documentId)
      .where('consulteeId', '=', consulteeId)
      .executeTakeFirst();
    if (!document) throw invalid('documentId', '「同意書の写し」はこの相談者について登録した書類から選んでください');
  }
  const consentId = randomUUID();
  if (body.supersedes) {
    const previous = (await loadConsents(grant.tx, consulteeId)).find((c) => c.consentId === body.supersedes);
    if (!previous) throw invalid('supersedes', '「置き換える同意」はこの相談者の同意から選んでください');
    if (previous.supersededBy || previous.withdrawnOn) {
      throw conflict('撤回された同意や、既に置き換えられた同意は置き換えられません', 'supersedes');
    }
  }
  await grant.tx
    .insertInto('consents')
    .values({
      tenantId: work.actor.tenantId,
      consentId,
      consulteeId,
      organizationId: target.organizationId,
      givenBy: body.givenBy,
      representativeName: body.givenBy === 'representative' ? (body.representativeName ?? null) : null,
      representativeRelation: body.givenBy === 'representative' ? (body.representativeRelation ?? null) : null,
      representativeAuthority: body.givenBy === 'representative' ? (body.representativeAuthority ?? null) : null,
      method: body.method,
      explanation: body.explanation ?? null,
      documentId: body.documentId ?? null,
      givenOn: body.givenOn,
      purposes: [...body.purposes],
      agencyKinds: [...body.agencyKinds],
      agencyNames: body.agencyNames ?? null,
      coversSpecialCare: body.coversSpecialCare,
      validFrom: body.validFrom,
      validUntil: body.validUntil ?? null,
      supersedes: body.supersedes ?? null,
      supersededBy: null,
      withdrawnOn: null,
      withdrawalReason: null,
      withdrawalRecordedBy: null,
      recordedBy: work.actor.staffId,
    })
    .execute();
  if (agencyIds.length > 0) {
    await grant.tx
      .insertInto('consentAgencies')
      .values(
        agencyIds.map((agencyId) => ({
          tenantId: work.actor.tenantId,
          consentId,
          agencyId,
          organizationId: target.organizationId,
        })),
      )
      .execute();
  }
  if (body.supersedes) {
    await grant.tx
      .updateTable('consents')
      .set({ supersededBy: consentId })
      .where('consentId', '=', body.supersedes)
      .execute();
  }
  return consentId;
}

/** CON-5: after withdrawal nothing new may rely on the consent; what was done under it stays recorded. */
export async function withdrawConsent(
  work: Work,
  consulteeId: string,
  consentId: string,
  withdrawnOn: string,
  reason: string | null,
): Promise<void> {
  const grant = await work.authorize('consultee', 'update', [consulteeId], ['ordinary']);
  const consent = (await loadConsents(grant.tx, consulteeId)).find((c) => c.consentId === consentId);
  if (!consent) throw notFound('指定された同意は見つかりません');
  if (consent.withdrawnOn) throw conflict('この同意は既に撤回されています');
  if (consent.supersededBy) throw conflict('この同意は新しい同意に置き換えられています。新しい同意を撤回してください');
  if (withdrawnOn < consent.givenOn) throw invalid('withdrawnOn', '「撤回日」は同意日以降の日付にしてください');
  await grant.tx
    .updateTable('consents')
    .set({ withdrawnOn, withdrawalReason: reason, withdrawalRecordedBy: work.actor.staffId })
    .where('consentId', '=', consentId)
    .execute();
}

/** The consents in force today, for screens: which purposes and agencies are covered now. */
export function consentsInForce(consents: readonly ConsentRecord[], onDate: string): ConsentRecord[] {
  return consents.filter((c) => isInForce(c, onDate));
}

const SIGNATURES: Readonly<Record<string, (b: Buffer) => boolean>> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Stores a scanned, signed consent form; its type is checked against its content, not its name. */
export async function storeDocument(work: Work, consulteeId: string, body: DocumentBody): Promise<string> {
  const grant = await work.authorize('consultee', 'update', [consulteeId], ['ordinary']);
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const content = Buffer.from(body.contentBase64.replace(/\s/g, ''), 'base64');
  if (content.length === 0) throw invalid('contentBase64', '「ファイル」が空です');
  if (content.length > MAX_DOCUMENT_BYTES) throw invalid('contentBase64', '「ファイル」は10MB以下にしてください');
  if (!SIGNATURES[body.mediaType]?.(content)) {
    throw invalid('contentBase64', '「ファイル」の内容が形式（PDF・JPEG・PNG）と一致しません');
  }
  const documentId = randomUUID();
  await grant.tx
    .insertInto('documents')
    .values({
      tenantId: work.actor.tenantId,
      documentId,
      consulteeId,
      organizationId: target.organizationId,
      kind: 'consent_scan',
      fileName: body.fileName.trim(),
      mediaType: body.mediaType,
      byteSize: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: work.actor.staffId,
    })
    .execute();
  return documentId;
}

export async function fetchDocument(work: Work, consulteeId: string, documentId: string) {
  const grant = await work.authorize('consultee', 'read', [consulteeId], ['ordinary']);
  const document = await grant.tx
    .selectFrom('documents')
    .select(['fileName', 'mediaType', 'content'])
    .where('documentId', '=', documentId)
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirst();
  if (!document) throw notFound('指定された書類は見つかりません');
  return logSinglePersonExport(
    work,
    {
      kind: 'document',
      format: document.mediaType === 'application/pdf' ? 'pdf' : 'image',
      consulteeIds: [consulteeId],
      description: `書類の写し（${document.fileName}）`,
      parameters: { documentId },
    },
    { fileName: document.fileName, content: document.content, mediaType: document.mediaType },
  );
}

/** ACQ-3: the commissioning body's approval for a contractor to collect restricted items. */
export async function recordApproval(work: Work, consulteeId: string, body: ApprovalBody): Promise<string> {
  if (!work.actor.roles.some((r) => ROLES_RECORDING_APPROVALS.includes(r))) {
    throw new AppError(403, 'forbidden', '委託元の承認は主任相談支援員が記録します');
  }
  const grant = await work.authorize('consultee', 'update', [consulteeId], ['ordinary']);
  const target = grant.targets.get(consulteeId) as { organizationId: string };
  const approvalId = randomUUID();
  await grant.tx
    .insertInto('commissioningApprovals')
    .values({
      tenantId: work.actor.tenantId,
      approvalId,
      consulteeId,
      organizationId: target.organizationId,
      categories: [...body.categories],
      approverName: body.approverName.trim(),
      approverTitle: body.approverTitle ?? null,
      approvedOn: body.approvedOn,
      documentNumber: body.documentNumber ?? null,
      reason: body.reason.trim(),
      recordedBy: work.actor.staffId,
    })
    .execute();
  return approvalId;
}
