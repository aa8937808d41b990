// Japanese labels for codes the API returns. The role, purpose and data-class
// tables are the server's own (pure data modules), so the two never disagree.

import { CASE_PROGRAMS } from '../shared/catalog';

export {
  EMPLOYMENT_KINDS,
  EMPLOYMENT_KIND_LABELS,
  ROLES,
  ROLE_LABELS,
  ROLES_REQUIRING_MFA,
  type EmploymentKind,
} from '../server/core/roles';
export { PURPOSE_LABELS, type PurposeCode } from '../server/core/purposes';
export { DATA_CLASS_LABELS, type DataClass } from '../server/core/data-classes';

/** Why a reader reaches a consultee's record (the policy's scope). */
export { SCOPE_LABELS as BASIS_LABELS } from '../server/core/policy';

export const SEX_LABELS: Readonly<Record<string, string>> = {
  male: '男性',
  female: '女性',
  other: 'その他',
  unknown: '不明',
};

export function labelOf(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return table[code] ?? code;
}

// ── Casework ─────────────────────────────────────────────────────────────

export { CASE_STATUS_LABELS, MOVES, type CaseStatus, type Transition } from '../server/core/case-flow';
export { ATTENTION_LABELS } from '../server/core/attention';

/** The program of a case (事業). */
export const PROGRAM_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  CASE_PROGRAMS.map((p) => [p.code, p.label]),
);

export { CONSENT_PURPOSES, DEBT_STATUSES } from '../shared/catalog';

export const CHANGE_KIND_LABELS: Readonly<Record<string, string>> = {
  insert: '作成',
  update: '変更',
  delete: '削除',
};

/** What a screen shows in place of a field the reader may not see. */
export const WITHHELD_TEXT = '閲覧権限がありません';
