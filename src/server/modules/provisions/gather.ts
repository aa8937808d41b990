// The chosen items of a consultee, as text, at the moment of a provision: what is
// sent, and what the provision record keeps as "the items as sent". Only what was
// chosen is read.

import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { CONSULTATION_TOPICS, labelIn, RELATIONSHIPS, SEXES } from '../../../shared/catalog.js';
import { provisionItem, type ProvisionItemKey } from '../../../shared/provision-items.js';
import { ageOn, formatWareki } from '../../../shared/wareki.js';

export interface SentItem {
  key: string;
  label: string;
  value: string;
}

const joinLines = (lines: readonly (string | null | undefined)[]) =>
  lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '').join('\n');

/** The latest case's assessment, intake and plan of the person, for the items drawn from the casework. */
async function casework(tx: Tx, consulteeId: string) {
  const { rows } = await sql<{
    topics: string[] | null;
    wishes: string | null;
    workSituation: string | null;
    financeSituation: string | null;
    housingSituation: string | null;
    healthSituation: string | null;
    longTermGoal: string | null;
    goals: { goal?: string; actions?: string }[] | null;
  }>`
    SELECT i.topics, i.wishes, a.work_situation, a.finance_situation, a.housing_situation, a.health_situation,
      p.long_term_goal, p.goals
    FROM cases c
    LEFT JOIN intake_forms i ON i.tenant_id = c.tenant_id AND i.case_id = c.case_id
    LEFT JOIN assessments a ON a.tenant_id = c.tenant_id AND a.case_id = c.case_id
    LEFT JOIN LATERAL (SELECT long_term_goal, goals FROM plans p
      WHERE p.tenant_id = c.tenant_id AND p.case_id = c.case_id ORDER BY p.revision DESC LIMIT 1) p ON true
    WHERE c.consultee_id = ${consulteeId}::uuid
    ORDER BY c.opened_on DESC
    LIMIT 1`.execute(tx);
  return rows[0] ?? null;
}

export async function gatherItems(
  tx: Tx,
  consulteeId: string,
  keys: readonly ProvisionItemKey[],
  onDate: string,
): Promise<SentItem[]> {
  const person = await tx
    .selectFrom('consultees')
    .selectAll()
    .where('consulteeId', '=', consulteeId)
    .executeTakeFirstOrThrow();
  const needsCasework = keys.some((k) => ['consultation', 'work', 'finance', 'housing', 'health', 'plan'].includes(k));
  const k = needsCasework ? await casework(tx, consulteeId) : null;
  const out: SentItem[] = [];
  for (const key of keys) {
    const label = provisionItem(key)?.label ?? key;
    let value: string;
    switch (key) {
      case 'name':
        value = joinLines([
          `${person.familyName} ${person.givenName}`.trim(),
          `${person.familyNameKana} ${person.givenNameKana}`.trim(),
        ]);
        break;
      case 'birth_date':
        value = person.birthDate ? `${formatWareki(person.birthDate)}（${ageOn(person.birthDate, onDate)}歳）` : '';
        break;
      case 'sex':
        value = labelIn(SEXES, person.sex);
        break;
      case 'address':
        value = [person.postalCode ? `〒${person.postalCode}` : '', person.address ?? ''].join(' ').trim();
        break;
      case 'phone':
        value = [person.phone, person.phoneMobile].filter(Boolean).join(' ／ ');
        break;
      case 'household': {
        const members = await tx
          .selectFrom('householdMembers')
          .select(['relationship', 'familyName', 'givenName', 'birthDate', 'cohabiting'])
          .where('consulteeId', '=', consulteeId)
          .orderBy('birthDate')
          .execute();
        value = joinLines(
          members.map(
            (m) =>
              `${labelIn(RELATIONSHIPS, m.relationship)}　${m.familyName} ${m.givenName ?? ''}`.trim() +
              (m.birthDate ? `（${ageOn(m.birthDate, onDate)}歳）` : '') +
              (m.cohabiting ? '' : '（別居）'),
          ),
        );
        break;
      }
      case 'consultation':
        value = joinLines([(k?.topics ?? []).map((t) => labelIn(CONSULTATION_TOPICS, t)).join('、'), k?.wishes]);
        break;
      case 'work':
        value = k?.workSituation ?? '';
        break;
      case 'finance':
        value = k?.financeSituation ?? '';
        break;
      case 'housing':
        value = k?.housingSituation ?? '';
        break;
      case 'health': {
        const items = await tx
          .selectFrom('profileItems')
          .select('value')
          .where('consulteeId', '=', consulteeId)
          .where('category', '=', 'health')
          .execute();
        value = joinLines([k?.healthSituation, ...items.map((i) => i.value)]);
        break;
      }
      case 'plan':
        value = joinLines([
          k?.longTermGoal,
          ...(k?.goals ?? []).map((g) => [g.goal, g.actions].filter(Boolean).join('：')),
        ]);
        break;
      case 'my_number':
        // Never gathered: the decision refuses it before this is reached (PRV-4).
        throw new Error('My Number is never provided');
    }
    out.push({ key, label, value: value || '（記録なし）' });
  }
  return out;
}
