// What the application role may do, table by table (ARCHITECTURE rule 5–6).
// Applied by the owner after every migration run; idempotent. The app role owns
// nothing, has no BYPASSRLS, and can only append to the audit trail.

import { sql, type Kysely } from 'kysely';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export const APP_GRANTS: Readonly<Record<string, readonly Privilege[]>> = {
  tenants: ['SELECT'],
  organizations: ['SELECT', 'INSERT', 'UPDATE'],
  offices: ['SELECT', 'INSERT', 'UPDATE'],
  staff: ['SELECT', 'INSERT', 'UPDATE'],
  sign_in_throttle: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  sessions: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  consultees: ['SELECT', 'INSERT', 'UPDATE'],
  cases: ['SELECT', 'INSERT', 'UPDATE'],
  case_workers: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  audit_events: ['SELECT', 'INSERT'],
  audit_chain_heads: [],
  household_members: ['SELECT', 'INSERT', 'UPDATE'],
  profile_items: ['SELECT', 'INSERT', 'UPDATE'],
  // Consents are never edited: only withdrawal and supersession (COLUMN_UPDATES).
  consents: ['SELECT', 'INSERT'],
  documents: ['SELECT', 'INSERT'],
  commissioning_approvals: ['SELECT', 'INSERT'],
  case_transitions: ['SELECT', 'INSERT'],
  intake_forms: ['SELECT', 'INSERT', 'UPDATE'],
  assessments: ['SELECT', 'INSERT', 'UPDATE'],
  plans: ['SELECT', 'INSERT', 'UPDATE'],
  coordination_meetings: ['SELECT', 'INSERT', 'UPDATE'],
  support_decisions: ['SELECT', 'INSERT', 'UPDATE'],
  municipal_applications: ['SELECT', 'INSERT', 'UPDATE'],
  progress_notes: ['SELECT', 'INSERT', 'UPDATE'],
  evaluations: ['SELECT', 'INSERT', 'UPDATE'],
  closures: ['SELECT', 'INSERT', 'UPDATE'],
  budget_sheets: ['SELECT', 'INSERT', 'UPDATE'],
  cash_flows: ['SELECT', 'INSERT', 'UPDATE'],
  debts: ['SELECT', 'INSERT', 'UPDATE'],
  arrears: ['SELECT', 'INSERT', 'UPDATE'],
  budget_plans: ['SELECT', 'INSERT', 'UPDATE'],
  // Written by triggers as the owner; the app reads them.
  record_history: ['SELECT'],
  consultee_search_keys: ['SELECT'],
  drafts: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  // Purposes change by a new version, never by editing one (PUR-2).
  purpose_codes: ['SELECT', 'INSERT'],
  purpose_versions: ['SELECT', 'INSERT'],
  related_agencies: ['SELECT', 'INSERT', 'UPDATE'],
  consent_agencies: ['SELECT', 'INSERT'],
  provision_stops: ['SELECT', 'INSERT'],
  provisions: ['SELECT', 'INSERT'],
  receipts: ['SELECT', 'INSERT'],
  out_of_purpose_requests: ['SELECT', 'INSERT'],
  out_of_purpose_opinions: ['SELECT', 'INSERT'],
  // The register and joint-use declarations change only by a new version (PUR-5, PRV-2).
  register_entries: ['SELECT', 'INSERT'],
  register_versions: ['SELECT', 'INSERT'],
  joint_use_declarations: ['SELECT', 'INSERT'],
  joint_use_versions: ['SELECT', 'INSERT'],
  // The export log is appended to; a request moves to approval and to done (PRV-7).
  exports: ['SELECT', 'INSERT'],
  // My Number is stored, and erased (RET-3); re-encryption runs as the owner.
  my_numbers: ['SELECT', 'INSERT', 'DELETE'],
  my_number_erasures: ['SELECT', 'INSERT'],
  tenant_public_profiles: ['SELECT', 'INSERT', 'UPDATE'],
};

/** Tables whose rows the app may change only in some columns. */
const COLUMN_UPDATES: Readonly<Record<string, readonly string[]>> = {
  // Settings of the tenant; its identity stays with the owner.
  tenants: ['mfa_required_for_all', 'session_idle_minutes', 'session_absolute_hours', 'updated_at'],
  // CON-5: a consent is withdrawn or superseded, never edited.
  consents: ['superseded_by', 'withdrawn_on', 'withdrawal_reason', 'withdrawal_recorded_by'],
  // A stop is lifted, never edited.
  provision_stops: ['lifted_on', 'lift_reason', 'lifted_by'],
  // PRV-3: a provision moves from request to approval to provided; what was recorded stays.
  provisions: [
    'status',
    'approved_by',
    'approved_at',
    'decision_note',
    'provided_on',
    'provided_by',
    'sent_values',
    'basis',
    'consent_id',
    'joint_use_declaration_id',
  ],
  // PUR-3, PRV-6: a request moves through the counter, the council and the decision.
  out_of_purpose_requests: [
    'status',
    'counter_opinion',
    'counter_by',
    'counter_at',
    'council_required',
    'council_name',
    'council_referred_on',
    'council_answer',
    'council_answered_on',
    'decision',
    'decided_in_name_of',
    'decided_on',
    'decision_note',
    'decided_by',
    'decided_at',
  ],
  // A joint use ends; a change's notice is recorded when given.
  joint_use_declarations: ['ended_on'],
  joint_use_versions: ['notice_on'],
  exports: [
    'status',
    'approved_by',
    'approved_at',
    'decision_note',
    'file_name',
    'file_sha256',
    'byte_count',
    'exported_at',
  ],
};

const FUNCTIONS = ['tenant_id_by_code(text)'];

export async function applyGrants(db: Kysely<unknown>, appRole: string): Promise<void> {
  const role = sql.id(appRole);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`.execute(db);
  await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC`.execute(db);
  await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${role}`.execute(db);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`.execute(db);
  for (const [table, privileges] of Object.entries(APP_GRANTS)) {
    if (privileges.length > 0) {
      await sql`GRANT ${sql.raw(privileges.join(', '))} ON ${sql.table(table)} TO ${role}`.execute(db);
    }
  }
  for (const [table, columns] of Object.entries(COLUMN_UPDATES)) {
    await sql`GRANT UPDATE (${sql.join(columns.map((c) => sql.id(c)))}) ON ${sql.table(table)} TO ${role}`.execute(db);
  }
  for (const fn of FUNCTIONS) {
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${role}`.execute(db);
  }
}
