// Drafts: what a worker has typed into a form and not yet saved, kept so that a
// closed tab or a lost connection loses nothing. A draft is its author's alone
// (row-level security), and the key says whose record it belongs to, so reading
// or writing a draft is authorized against that record like the form itself: a
// worker taken off a case cannot read back what they drafted for it.

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import type { Tx } from '../../db/database.js';
import { invalid, notFound } from '../../http/errors.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** case:<case id>:<form>[:<record id>] | consultee:<consultee id>:<form>[:<record id>] | new:<form> */
export const DRAFT_KEY = `^((case|consultee):${UUID}:[a-z_]{2,30}(:${UUID})?|new:[a-z_]{2,30})$`;
const KEY = new RegExp(DRAFT_KEY);

type Owner = { kind: 'case'; id: string } | { kind: 'consultee'; id: string } | { kind: 'new' };

function ownerOf(key: string): Owner {
  if (!KEY.test(key)) throw invalid('draftKey', '下書きの識別子の形式が正しくありません');
  const [kind, id] = key.split(':');
  if (kind === 'case' || kind === 'consultee') return { kind, id: id as string };
  return { kind: 'new' };
}

interface Place {
  tx: Tx;
  organizationId: string;
  consulteeId: string | null;
  caseId: string | null;
}

/** Authorizes the draft's record for the action and returns where the draft belongs. */
async function placeOf(work: Work, key: string, action: 'read' | 'update'): Promise<Place> {
  const owner = ownerOf(key);
  if (owner.kind === 'new') {
    // A draft for a new consultee: allowed where the author may register one.
    const { actor } = work;
    const { tx } = await work.authorizeNew(
      'consultee',
      { organizationId: actor.organizationId, officeId: actor.officeId, assignedStaffIds: [actor.staffId] },
      ['ordinary'],
    );
    return { tx, organizationId: actor.organizationId, consulteeId: null, caseId: null };
  }
  const grant = await work.authorize(owner.kind, action, [owner.id]);
  const target = grant.targets.get(owner.id);
  if (!target) throw notFound();
  return {
    tx: grant.tx,
    organizationId: target.organizationId,
    consulteeId: target.subjectId,
    caseId: owner.kind === 'case' ? owner.id : null,
  };
}

export async function saveDraft(work: Work, key: string, payload: Record<string, unknown>): Promise<string> {
  const place = await placeOf(work, key, 'update');
  const { rows } = await sql<{ updatedAt: Date }>`
    INSERT INTO drafts (tenant_id, staff_id, draft_key, organization_id, consultee_id, case_id, payload)
    VALUES (${work.actor.tenantId}::uuid, ${work.actor.staffId}::uuid, ${key}, ${place.organizationId}::uuid,
      ${place.consulteeId}::uuid, ${place.caseId}::uuid, ${JSON.stringify(payload)}::jsonb)
    ON CONFLICT (tenant_id, staff_id, draft_key)
      DO UPDATE SET payload = excluded.payload, updated_at = now()
    RETURNING updated_at`.execute(place.tx);
  return (rows[0] as { updatedAt: Date }).updatedAt.toISOString();
}

export async function loadDraft(work: Work, key: string): Promise<{ payload: unknown; updatedAt: string } | null> {
  const place = await placeOf(work, key, 'read');
  const row = await place.tx
    .selectFrom('drafts')
    .select(['payload', 'updatedAt'])
    .where('staffId', '=', work.actor.staffId)
    .where('draftKey', '=', key)
    .executeTakeFirst();
  return row ? { payload: row.payload, updatedAt: new Date(row.updatedAt as unknown as string).toISOString() } : null;
}

export async function discardDraft(work: Work, key: string): Promise<void> {
  const place = await placeOf(work, key, 'read');
  await place.tx.deleteFrom('drafts').where('staffId', '=', work.actor.staffId).where('draftKey', '=', key).execute();
}
