// The database's state for the health check: reachable, and on the current schema.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { appliedMigration, latestMigration } from '../../db/migrate.js';

export interface DatabaseHealth {
  state: 'ok' | 'unavailable' | 'schema_outdated';
  latencyMs: number | null;
  schema: string | null;
}

export async function databaseHealth(db: Database): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await sql`SELECT 1`.execute(db);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const schema = await appliedMigration(db as unknown as Kysely<unknown>);
    return { state: schema === latestMigration() ? 'ok' : 'schema_outdated', latencyMs, schema };
  } catch {
    return { state: 'unavailable', latencyMs: null, schema: null };
  }
}
