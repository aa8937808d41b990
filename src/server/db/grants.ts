// What the application role may do, table by table (ARCHITECTURE rule 5–6).
// Applied by the owner after every migration run; idempotent. The app role owns
// nothing, has no BYPASSRLS, and can only append to the audit trail.

import { sql, type Kysely } from 'kysely';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

export const APP_GRANTS: Readonly<Record<string, readonly Privilege[]>> = {
  tenants: ['SELECT', 'UPDATE'],
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
};

/** Columns of tenants the app may change (its settings); identity stays with the owner. */
const TENANT_SETTING_COLUMNS = ['mfa_required_for_all', 'session_idle_minutes', 'session_absolute_hours', 'updated_at'];

const FUNCTIONS = ['tenant_id_by_code(text)'];

export async function applyGrants(db: Kysely<unknown>, appRole: string): Promise<void> {
  const role = sql.id(appRole);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`.execute(db);
  await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC`.execute(db);
  await sql`REVOKE CREATE ON SCHEMA public FROM PUBLIC`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${role}`.execute(db);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`.execute(db);
  for (const [table, privileges] of Object.entries(APP_GRANTS)) {
    const list = table === 'tenants' ? privileges.filter((p) => p !== 'UPDATE') : privileges;
    if (list.length > 0) {
      await sql`GRANT ${sql.raw(list.join(', '))} ON ${sql.table(table)} TO ${role}`.execute(db);
    }
  }
  await sql`GRANT UPDATE (${sql.join(TENANT_SETTING_COLUMNS.map((c) => sql.id(c)))}) ON tenants TO ${role}`.execute(db);
  for (const fn of FUNCTIONS) {
    await sql`GRANT EXECUTE ON FUNCTION ${sql.raw(fn)} TO ${role}`.execute(db);
  }
}
