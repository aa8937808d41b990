// The worker's start page: their cases by stage, and the cases that need
// attention (plan reviews and evaluations coming due, applications not yet
// forwarded, no contact for a month). A chief sees the cases of the whole office.
// The list is reached through the choke point and recorded like any other list.

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';
import { attentionOf, type Attention, type CaseFacts } from '../../core/attention.js';
import { CASE_STATUSES, FINAL_STATUSES, type CaseStatus } from '../../core/case-flow.js';
import { today } from '../consultees/service.js';

/** The most cases the attention list shows; the rest are counted. */
const ATTENTION_LIMIT = 200;

interface FactsRow extends CaseFacts {
  id: string;
  subjectId: string;
  assigned: boolean;
  program: string;
}

export async function dashboard(work: Work) {
  const on = today();
  const counts = new Map<CaseStatus, number>();
  let needing = 0;
  const rows = await work.list(
    'case',
    ['ordinary'],
    async ({ tx, where, assigned }) => {
      const facts = await sql<FactsRow>`
        SELECT r.case_id AS id, r.consultee_id AS subject_id, ${assigned} AS assigned, r.status, r.program,
          r.opened_on::text, p.next_review_on::text, p.period_to::text,
          coalesce(EXISTS (SELECT 1 FROM evaluations e WHERE e.tenant_id = r.tenant_id AND e.case_id = r.case_id
            AND e.created_at >= p.created_at), false) AS evaluated,
          n.last_contact_on, n.next_contact_on,
          (SELECT min(a.applied_on)::text FROM municipal_applications a WHERE a.tenant_id = r.tenant_id AND a.case_id = r.case_id
            AND a.forwarded_on IS NULL) AS unforwarded_since
        FROM cases r
        LEFT JOIN LATERAL (SELECT q.next_review_on, q.period_to, q.created_at FROM plans q
          WHERE q.tenant_id = r.tenant_id AND q.case_id = r.case_id ORDER BY q.revision DESC LIMIT 1) p ON true
        LEFT JOIN LATERAL (SELECT x.contact_on::text AS last_contact_on, x.next_contact_on::text AS next_contact_on
          FROM progress_notes x WHERE x.tenant_id = r.tenant_id AND x.case_id = r.case_id
          ORDER BY x.contact_on DESC, x.created_at DESC LIMIT 1) n ON true
        WHERE ${where} AND r.status <> ALL (${[...FINAL_STATUSES]}::text[])`.execute(tx);
      for (const f of facts.rows) if (f.assigned) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
      const due = facts.rows
        .map((f) => ({ ...f, attention: attentionOf(f, on) }))
        .filter((f) => f.attention.length > 0)
        .sort((a, b) => earliest(a.attention).localeCompare(earliest(b.attention)));
      needing = due.length;
      const shown = due.slice(0, ATTENTION_LIMIT);
      if (shown.length === 0) return [];
      const names = await sql<{
        consulteeId: string;
        familyName: string;
        givenName: string;
        familyNameKana: string;
        givenNameKana: string;
      }>`
        SELECT consultee_id, family_name, given_name, family_name_kana, given_name_kana FROM consultees
        WHERE consultee_id = ANY (${shown.map((f) => f.subjectId)}::uuid[])`.execute(tx);
      const byId = new Map(names.rows.map((n) => [n.consulteeId, n]));
      return shown.map((f) => {
        const { consulteeId: _c, ...name } = byId.get(f.subjectId) ?? {
          consulteeId: '',
          familyName: '',
          givenName: '',
          familyNameKana: '',
          givenNameKana: '',
        };
        return { ...f, ...name };
      });
    },
    { view: 'dashboard' },
  );
  return {
    today: on,
    myCases: CASE_STATUSES.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status) ?? 0 })),
    attention: rows.map((r) => ({
      caseId: r.id,
      consulteeId: r.subjectId,
      familyName: r.familyName,
      givenName: r.givenName,
      familyNameKana: r.familyNameKana,
      givenNameKana: r.givenNameKana,
      program: r.program,
      status: r.status,
      assigned: r.assigned,
      items: r.attention,
    })),
    attentionTotal: needing,
  };
}

function earliest(items: readonly Attention[]): string {
  return items.reduce((min, i) => (i.on < min ? i.on : min), '9999-12-31');
}
