// Consultees in reach of the reader, through the choke point.

import { sql } from 'kysely';
import type { Work } from '../../access/data-access.js';

export async function listInReach(work: Work) {
  const rows = await work.list(
    'consultee',
    ['ordinary'],
    async ({ tx, where, assigned }) =>
      (
        await sql<{
          id: string;
          assigned: boolean;
          familyName: string;
          givenName: string;
          familyNameKana: string;
          givenNameKana: string;
        }>`
          SELECT r.consultee_id AS id, ${assigned} AS assigned,
            r.family_name, r.given_name, r.family_name_kana, r.given_name_kana
          FROM consultees r
          WHERE ${where}
          ORDER BY r.family_name_kana, r.given_name_kana, r.consultee_id
          LIMIT 200`.execute(tx)
      ).rows,
    { fields: ['name', 'kana'] },
  );
  return rows.map(({ id, assigned: _assigned, ...names }) => ({ consulteeId: id, ...names }));
}
