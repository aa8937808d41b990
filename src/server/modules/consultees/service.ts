// Consultees in reach of the reader, through the choke point.

import { sql } from 'kysely';
import { RECORD_KINDS } from '../../access/records.js';
import type { Work } from '../../access/data-access.js';

export async function listInReach(work: Work) {
  const { scopes, tx } = work.listScopes('consultee');
  if (!tx) return [];
  const spec = RECORD_KINDS.consultee;
  const { rows } = await sql<{
    consulteeId: string;
    familyName: string;
    givenName: string;
    familyNameKana: string;
    givenNameKana: string;
  }>`
    SELECT r.consultee_id, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana
    FROM consultees r
    WHERE ${sql.join(
      scopes.map((s) => spec.scopeCondition(s, work.actor)),
      sql` OR `,
    )}
    ORDER BY r.family_name_kana, r.given_name_kana, r.consultee_id
    LIMIT 200`.execute(tx);
  await work.recordList(
    'consultee',
    rows.map((r) => r.consulteeId),
    ['ordinary'],
    { fields: ['name', 'kana'] },
  );
  return rows;
}
