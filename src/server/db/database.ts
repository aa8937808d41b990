// Connection pools and the tenant context of a transaction.

import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

// DATE stays a plain YYYY-MM-DD string: a birth date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface PoolOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
}

export function createDatabase(options: PoolOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'jiritsu-case',
    // Every statement is bounded; a stuck query must not hold a connection forever.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
}

/** A raw Kysely instance without the camelCase mapping, for migrations and maintenance. */
export function createRawDatabase(connectionString: string, max = 2): Kysely<unknown> {
  return new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString, max, application_name: 'jiritsu-case-owner' }),
    }),
  });
}

export interface TenantContext {
  tenantId: string;
  /** Organizations whose consultee records the transaction may reach (RLS). */
  organizationIds: readonly string[];
}

/**
 * Sets the row-level-security context for the rest of the transaction only
 * (set_config(..., true)), so nothing leaks to the next user of the pooled connection.
 */
export async function setTenantContext(tx: Transaction<DB> | Kysely<unknown>, ctx: TenantContext): Promise<void> {
  await sql`SELECT set_config('app.tenant_id', ${ctx.tenantId}, true), set_config('app.org_ids', ${ctx.organizationIds.join(',')}, true)`.execute(
    tx,
  );
}

/** Runs fn in one transaction with the tenant context set. */
export async function inTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setTenantContext(tx, ctx);
    return fn(tx);
  });
}
