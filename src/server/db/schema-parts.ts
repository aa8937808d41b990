// Pieces the migrations repeat, written once: a bounded text column, the row-level
// security every table gets (ARCHITECTURE rule 5), and the history trigger of the
// tables that hold consultees' records (record_history_capture, migration 0003).
// The SQL is exactly what each migration wrote before; the migrations call these
// so that a new table is protected the same way as every other.

import { sql, type Kysely, type RawBuilder } from 'kysely';

/** A text column with its length bound (and NOT NULL when asked). */
export const boundedText = (column: string, max: number, notNull = false): RawBuilder<unknown> =>
  sql.raw(`${column} text ${notNull ? 'NOT NULL' : ''} CHECK (length(${column}) <= ${max})`);

/** Row-level security, FORCEd even for the owner, separating tenants. */
export async function isolateTenants(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`
      ALTER TABLE ${sql.table(table)} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${sql.table(table)} FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON ${sql.table(table)}
        USING (tenant_id = app_current_tenant())
        WITH CHECK (tenant_id = app_current_tenant());
    `.execute(db);
  }
}

/** Within a tenant, rows of one organization only (consultees' records: a contractor and the city apart). */
export async function isolateOrganizations(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`
      CREATE POLICY organization_isolation ON ${sql.table(table)} AS RESTRICTIVE
        USING (organization_id = ANY (app_current_orgs()))
        WITH CHECK (organization_id = ANY (app_current_orgs()));
    `.execute(db);
  }
}

/** Every change of these tables' rows kept in record_history: [table, id column, subject column]. */
export async function keepHistory(
  db: Kysely<unknown>,
  tables: readonly (readonly [string, string, string])[],
): Promise<void> {
  for (const [table, idColumn, subjectColumn] of tables) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_history`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION record_history_capture(${sql.lit(idColumn)}, ${sql.lit(subjectColumn)});
    `.execute(db);
  }
}
