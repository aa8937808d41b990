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
};

/** Tables whose rows the app may change only in some columns. */
const COLUMN_UPDATES: Readonly<Record<string, readonly string[]>> = {
  // Settings of the tenant; its identity stays with the owner.
  tenants: ['mfa_required_for_all', 'session_idle_minutes', 'session_absolute_hours', 'updated_at'],
  // CON-5: a consent is withdrawn or superseded, never edited.
  consents: ['superseded_by', 'withdrawn_on', 'withdrawal_reason', 'withdrawal_recorded_by'],
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
