// Searching the audit trail for the viewer. Looking at the trail is itself recorded.

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import { invalid } from '../../http/errors.js';
import type { Query } from './schema.js';

/** A consultee record reached on a basis wider than assignment: the reader is not on the case. */
const NOT_ASSIGNED = sql<boolean>`(e.record_kind = 'consultee' AND e.outcome = 'success' AND e.scope_basis IN ('office', 'organization', 'tenant'))`;

export async function searchEvents(work: Work, q: Query) {
  if (q.from && q.to && q.from > q.to)
    throw invalid('to', '「期間（終了）」は「期間（開始）」以降の日付にしてください');
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (limit < 1 || limit > 200) throw invalid('limit', '「件数」は1以上200以下にしてください');
  let query = work.operational
    .selectFrom('auditEvents as e')
    .leftJoin('staff as s', (j) => j.onRef('s.tenantId', '=', 'e.tenantId').onRef('s.staffId', '=', 'e.actorStaffId'))
    .select([
      'e.eventId',
      'e.occurredAt',
      'e.category',
      'e.action',
      'e.outcome',
      'e.actorStaffId',
      's.displayName as actorName',
      'e.recordKind',
      'e.recordIds',
      'e.subjectIds',
      'e.dataClasses',
      'e.purpose',
      'e.scopeBasis',
      'e.clientIp',
      'e.details',
      NOT_ASSIGNED.as('notAssigned'),
    ])
    .orderBy('e.eventId', 'desc')
    .limit(limit + 1);
  if (q.staffId) query = query.where('e.actorStaffId', '=', q.staffId);
  if (q.subjectId) query = query.where(sql<boolean>`e.subject_ids @> ARRAY[${q.subjectId}]::uuid[]`);
  if (q.from)
    query = query.where(sql<boolean>`e.occurred_at >= (${q.from}::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  if (q.to) query = query.where(sql<boolean>`e.occurred_at < (${q.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'`);
  if (q.category) query = query.where('e.category', '=', q.category);
  if (q.action) query = query.where(sql<boolean>`(e.action = ${q.action} OR e.action LIKE ${`${q.action}.%`})`);
  if (q.outcome) query = query.where('e.outcome', '=', q.outcome);
  if (q.notAssignedOnly) query = query.where(NOT_ASSIGNED);
  if (q.before) query = query.where('e.eventId', '<', q.before);
  const rows = await query.execute();
  const page = rows.slice(0, limit);

  const names = await subjectNames(work, [...new Set(page.flatMap((r) => r.subjectIds))]);
  await work.audit({
    category: 'access',
    action: 'audit.search',
    outcome: 'success',
    recordKind: 'audit_event',
    subjectIds: q.subjectId ? [q.subjectId] : [],
    purpose: 'access_audit',
    details: { filters: { ...q }, returned: page.length },
  });
  return {
    items: page.map((r) => ({
      eventId: r.eventId,
      occurredAt: r.occurredAt.toISOString(),
      category: r.category,
      action: r.action,
      outcome: r.outcome,
      actor: r.actorStaffId ? { staffId: r.actorStaffId, displayName: r.actorName ?? '（不明）' } : null,
      recordKind: r.recordKind,
      recordIds: r.recordIds,
      subjects: r.subjectIds.map((id) => ({ consulteeId: id, name: names.get(id) ?? null })),
      dataClasses: r.dataClasses,
      purpose: r.purpose,
      scopeBasis: r.scopeBasis,
      notAssigned: r.notAssigned,
      clientIp: r.clientIp,
      details: r.details,
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.eventId ?? null) : null,
  };
}

/**
 * Names of the persons in view, for those the reader may see for this purpose;
 * the others stay as ids. Reading the names is itself an access to personal data.
 */
async function subjectNames(work: Work, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await work.list(
    'consultee',
    ['ordinary'],
    async ({ tx, where, assigned }) =>
      (
        await sql<{ id: string; assigned: boolean; familyName: string; givenName: string }>`
          SELECT r.consultee_id AS id, ${assigned} AS assigned, r.family_name, r.given_name
          FROM consultees r
          WHERE r.consultee_id = ANY (${ids}::uuid[]) AND ${where}`.execute(tx)
      ).rows,
    { fields: ['name'] },
  );
  return new Map(rows.map((r) => [r.id, `${r.familyName} ${r.givenName}`.trim()]));
}
