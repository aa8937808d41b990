// Runs the numbered migrations as the owner role, then re-applies the app role's grants.

import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { applyGrants } from './grants.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_audited_reads.js';
import * as m0003 from './migrations/0003_casework.js';
import * as m0004 from './migrations/0004_provision.js';
import * as m0005 from './migrations/0005_privacy_register.js';

/** Listed explicitly so that compiled and source runs see the same set, in order. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_foundation': m0001,
  '0002_audited_reads': m0002,
  '0003_casework': m0003,
  '0004_provision': m0004,
  '0005_privacy_register': m0005,
};

export const MIGRATION_SCHEMA = 'jss_meta';

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...MIGRATIONS };
  }
}

export function latestMigration(): string {
  return Object.keys(MIGRATIONS).sort().at(-1) as string;
}

/** Applies the migrations up to the newest (or up to `target`, for tests of a migration itself). */
export async function migrate(ownerDb: Kysely<unknown>, appRole: string, target?: string): Promise<string[]> {
  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(MIGRATION_SCHEMA)}`.execute(ownerDb);
  const migrator = new Migrator({
    db: ownerDb,
    provider: new StaticProvider(),
    migrationTableSchema: MIGRATION_SCHEMA,
  });
  const result: MigrationResultSet = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error ?? '');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  // The grants name the newest schema's tables: a partial run (tests only) leaves them.
  if (target) return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  await applyGrants(ownerDb, appRole);
  // The app checks at start-up that the schema is current.
  await sql`GRANT USAGE ON SCHEMA ${sql.id(MIGRATION_SCHEMA)} TO ${sql.id(appRole)}`.execute(ownerDb);
  await sql`GRANT SELECT ON ${sql.id(MIGRATION_SCHEMA)}.kysely_migration TO ${sql.id(appRole)}`.execute(ownerDb);
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest migration applied, as the app role sees it. */
export async function appliedMigration(db: Kysely<unknown>): Promise<string | null> {
  const row = await sql<{ name: string }>`SELECT max(name) AS name FROM ${sql.id(MIGRATION_SCHEMA)}.kysely_migration`
    .execute(db)
    .catch(() => null);
  return row?.rows[0]?.name ?? null;
}
