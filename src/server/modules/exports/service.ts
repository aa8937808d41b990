// Export control (持出し, PRV-7). Every print, download or export of personal data
// is written to the export log in the transaction that makes the file: who, when,
// for which purpose, whose data, which items, and the file's name and hash. A
// file with one person's data is made at once, by someone whom the rules let
// export that person's record. A file with more than one person's data is first
// asked for, with a reason; someone else with the permission approves it; only
// then can the requester make it, once, on the records still in their reach.

import { createHash, randomUUID } from 'node:crypto';
import type { Work } from '../../access/data-access.js';
import { hasPermission } from '../../core/roles.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { classesOfItems, provisionItem, type ProvisionItemKey } from '../../../shared/provision-items.js';
import { TIME_ZONE, tokyoDate } from '../../../shared/wareki.js';
import { today } from '../consultees/service.js';
import { gatherItems } from '../provisions/gather.js';
import { csvFile } from './csv.js';
import type { ExportDecisionBody, ListExportBody } from './schema.js';

export interface ExportedFile {
  fileName: string;
  content: Buffer;
  mediaType: string;
}

export interface ExportSpec {
  kind: string;
  format: 'pdf' | 'csv' | 'image';
  consulteeIds: readonly string[];
  items?: readonly string[];
  /** What the file holds, in words, as the log shows it. */
  description: string;
  parameters?: Record<string, unknown>;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest();

/** The name of the file: what it is, the date it was made, and who made it. */
export function exportFileName(title: string, exporter: string, at: Date, extension: 'pdf' | 'csv'): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  const stamp = `${tokyoDate(at).replace(/-/g, '')}-${time.format(at).replace(':', '')}`;
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${safe(title)}_${stamp}_${safe(exporter)}.${extension}`;
}

/**
 * Logs a file of one person's data. The rules are asked whether the caller may
 * export this person's record (a reader is not always an exporter); if not, the
 * command fails with 404 and its transaction, file included, goes nowhere. The
 * grant is the audit event; the log row says what the file held. Returns the file
 * unchanged, for the route to send.
 */
export async function logSinglePersonExport(work: Work, spec: ExportSpec, file: ExportedFile) {
  if (spec.consulteeIds.length !== 1) throw new Error('A file of several persons needs an approved export request');
  await work.authorize('consultee', 'export', spec.consulteeIds);
  const exportId = randomUUID();
  const now = new Date();
  await work.operational
    .insertInto('exports')
    .values({
      tenantId: work.actor.tenantId,
      exportId,
      organizationId: work.actor.organizationId,
      kind: spec.kind,
      format: spec.format,
      purposeCode: work.purpose,
      consulteeIds: [...spec.consulteeIds],
      items: [...(spec.items ?? [])],
      description: spec.description,
      reason: null,
      parameters: JSON.stringify(spec.parameters ?? {}),
      status: 'done',
      requestedBy: work.actor.staffId,
      approvedBy: null,
      approvedAt: null,
      decisionNote: null,
      fileName: file.fileName,
      fileSha256: sha256(file.content),
      byteCount: file.content.length,
      exportedAt: now,
    })
    .execute();
  return file;
}

// ---------------------------------------------------------------------------
// The list of several persons (一覧の書き出し): asked for, approved, then made.

const LIST_KIND = 'consultee_list';

/** The people in the caller's reach chosen for the list: their own cases, or the office's for a chief. */
async function listedConsultees(work: Work, consulteeIds: readonly string[] | undefined, items: readonly string[]) {
  return work.list(
    'consultee',
    classesOfItems(items),
    async ({ tx, where, assigned }) => {
      let q = tx
        .selectFrom('consultees as r')
        .select((eb) => ['r.consulteeId as id', eb.val(assigned).$castTo<boolean>().as('assigned')])
        .where(() => where)
        .orderBy('r.familyNameKana')
        .orderBy('r.givenNameKana')
        .limit(1000);
      if (consulteeIds) q = q.where('r.consulteeId', 'in', consulteeIds.length > 0 ? [...consulteeIds] : ['']);
      return q.execute();
    },
    { exportRequest: true },
  );
}

/** Asks to export a list of several persons; a list of one person is approved as it is asked. */
export async function requestListExport(work: Work, body: ListExportBody) {
  if (body.items.includes('my_number')) throw invalid('items', '個人番号（マイナンバー）は書き出せません');
  const reason = body.reason.trim();
  if (!reason) throw invalid('reason', '「持出しの理由」を入力してください');
  const wanted = body.consulteeIds ? [...new Set(body.consulteeIds)] : undefined;
  const people = await listedConsultees(work, wanted, body.items);
  if (people.length === 0) {
    throw invalid('consulteeIds', '書き出せる相談者がいません。担当している相談者を選んでください');
  }
  if (wanted && people.length !== wanted.length) throw notFound();
  const exportId = randomUUID();
  const several = people.length > 1;
  const labels = body.items.map((k) => provisionItem(k)?.label ?? k).join('、');
  await work.operational
    .insertInto('exports')
    .values({
      tenantId: work.actor.tenantId,
      exportId,
      organizationId: work.actor.organizationId,
      kind: LIST_KIND,
      format: 'csv',
      purposeCode: work.purpose,
      consulteeIds: people.map((p) => p.id),
      items: [...body.items],
      description: `相談者一覧（${people.length}人、${labels}）`,
      reason,
      parameters: JSON.stringify({}),
      status: several ? 'awaiting_approval' : 'approved',
      requestedBy: work.actor.staffId,
      approvedBy: null,
      approvedAt: null,
      decisionNote: null,
      fileName: null,
      fileSha256: null,
      byteCount: null,
      exportedAt: null,
    })
    .execute();
  return {
    exportId,
    status: several ? ('awaiting_approval' as const) : ('approved' as const),
    personCount: people.length,
    message: several
      ? `${people.length}人分の書き出しのため、別の職員（主任相談支援員又は個人情報保護管理者）の承認を待っています。`
      : null,
  };
}

async function loadExport(work: Work, exportId: string) {
  const row = await work.operational
    .selectFrom('exports')
    .selectAll()
    .where('exportId', '=', exportId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * The second person's decision (PRV-7): seeing who asks, why, how many persons and
 * which items, never the persons' data. No one approves their own request.
 */
export async function decideExport(work: Work, exportId: string, body: ExportDecisionBody) {
  const row = await loadExport(work, exportId);
  if (row.status !== 'awaiting_approval') throw conflict('この書き出しは既に判断されています', 'approve');
  if (row.requestedBy === work.actor.staffId) {
    throw conflict('自分が求めた書き出しを自分で承認することはできません', 'approve');
  }
  const note = body.note?.trim() || null;
  if (!body.approve && !note) throw invalid('note', '承認しない場合は「理由」を入力してください');
  await work.operational
    .updateTable('exports')
    .set({
      status: body.approve ? 'approved' : 'rejected',
      approvedBy: work.actor.staffId,
      approvedAt: new Date(),
      decisionNote: note,
    })
    .where('exportId', '=', exportId)
    .execute();
  await work.audit({
    category: 'access',
    action: 'export.decide',
    outcome: 'success',
    purpose: null,
    details: { exportId, approve: body.approve, personCount: row.consulteeIds.length },
  });
  return { status: body.approve ? ('approved' as const) : ('rejected' as const) };
}

/** Makes an approved list, once, for its requester, on the records still in reach. */
export async function makeListExport(work: Work, exportId: string): Promise<ExportedFile> {
  const row = await loadExport(work, exportId);
  if (row.requestedBy !== work.actor.staffId || row.kind !== LIST_KIND) throw notFound();
  if (row.status === 'done') {
    throw new AppError(409, 'export_done', 'この書き出しは既に作成済みです。もう一度必要なときは改めて求めてください');
  }
  if (row.status !== 'approved') {
    throw new AppError(409, 'export_not_approved', '承認された書き出しではありません');
  }
  const items = row.items as ProvisionItemKey[];
  const grant = await work.authorize('consultee', 'export', row.consulteeIds, classesOfItems(items));
  const onDate = today();
  const people = await grant.tx
    .selectFrom('consultees')
    .select(['consulteeId', 'familyNameKana', 'givenNameKana'])
    .where('consulteeId', 'in', row.consulteeIds)
    .orderBy('familyNameKana')
    .orderBy('givenNameKana')
    .execute();
  const lines: string[][] = [];
  for (const person of people) {
    const sent = await gatherItems(grant.tx, person.consulteeId, items, onDate);
    lines.push(sent.map((s) => s.value));
  }
  const exporter = await work.actorName();
  const now = new Date();
  const content = csvFile({
    title: '相談者一覧',
    exporter,
    exportedAt: now,
    purpose: row.purposeCode,
    header: items.map((k) => provisionItem(k)?.label ?? k),
    rows: lines,
  });
  const fileName = exportFileName('相談者一覧', exporter, now, 'csv');
  await work.operational
    .updateTable('exports')
    .set({ status: 'done', fileName, fileSha256: sha256(content), byteCount: content.length, exportedAt: now })
    .where('exportId', '=', exportId)
    .execute();
  return { fileName, content, mediaType: 'text/csv; charset=utf-8' };
}

/**
 * The export log as the caller may see it: their own requests; for approvers, the
 * requests awaiting someone's approval and the recent exports of the organization.
 */
export async function listExports(work: Work) {
  const approver = hasPermission(work.actor.roles, 'export.approve');
  const base = work.operational
    .selectFrom('exports as e')
    .innerJoin('staff as r', (j) => j.onRef('r.tenantId', '=', 'e.tenantId').onRef('r.staffId', '=', 'e.requestedBy'))
    .leftJoin('staff as a', (j) => j.onRef('a.tenantId', '=', 'e.tenantId').onRef('a.staffId', '=', 'e.approvedBy'))
    .select((eb) => [
      'e.exportId',
      'e.kind',
      'e.format',
      'e.purposeCode',
      'e.items',
      'e.description',
      'e.reason',
      'e.status',
      'e.requestedBy',
      'e.requestedAt',
      'e.approvedAt',
      'e.decisionNote',
      'e.fileName',
      'e.exportedAt',
      'r.displayName as requestedByName',
      'a.displayName as approvedByName',
      eb.fn<number>('cardinality', ['e.consulteeIds']).as('personCount'),
    ])
    .orderBy('e.requestedAt', 'desc')
    .limit(100);
  const shape = (rows: Awaited<ReturnType<typeof base.execute>>) =>
    rows.map((r) => ({
      ...r,
      mine: r.requestedBy === work.actor.staffId,
      requestedAt: r.requestedAt.toISOString(),
      approvedAt: r.approvedAt?.toISOString() ?? null,
      exportedAt: r.exportedAt?.toISOString() ?? null,
    }));
  const mine = await base.where('e.requestedBy', '=', work.actor.staffId).execute();
  if (!approver) return { canApprove: false, mine: shape(mine), awaiting: [], recent: [] };
  const awaiting = await base
    .where('e.status', '=', 'awaiting_approval')
    .where('e.requestedBy', '<>', work.actor.staffId)
    .execute();
  const recent = await base.execute();
  return { canApprove: true, mine: shape(mine), awaiting: shape(awaiting), recent: shape(recent) };
}
