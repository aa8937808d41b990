// Connection pools and the tenant context of a transaction.

import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DB } from './schema.js';

// DATE stays a plain YYYY-MM-DD string: a birth date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * A pg client that runs every statement as a named prepared statement, so that
 * PostgreSQL parses and plans each distinct query once per connection instead of
 * on every request (Kysely sends unnamed statements). The name is a digest of
 * the text, so equal texts share a statement and different texts never collide.
 * Measured in bench/: planning was most of the database time of an audited read.
 */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    // Bounded: queries are built from a finite set of shapes; the cap guards against a shape per value.
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}

class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [first, values, callback] = args;
    if (typeof first === 'string' && Array.isArray(values) && !/;\s*\S/.test(first)) {
      const name = statementName(first);
      return (super.query as (...a: unknown[]) => never)({ text: first, values, name }, callback);
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export type Database = Kysely<DB>;
/** A connection inside a transaction. */
export type Tx = Kysely<DB>;

export interface PoolOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
}

export function createDatabase(options: PoolOptions): Database {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'jiritsu-case',
    // Every statement is bounded; a stuck query must not hold a connection forever.
    statement_timeout: 30_000,
    // With prepared statements, plan once: the row-level-security predicates read
    // the tenant from a setting at run time, so a generic plan is as good as a
    // custom one and saves planning on every execution (docs/adr/0004-performance.md).
    options: '-c plan_cache_mode=force_generic_plan',
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
  /** The staff member acting: named in the history of changes, and the owner of drafts. */
  staffId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function contextLiterals(ctx: TenantContext): [string, string, string] {
  for (const id of [ctx.tenantId, ...ctx.organizationIds, ...(ctx.staffId ? [ctx.staffId] : [])]) {
    if (!UUID.test(id)) throw new Error('Tenant context ids must be UUIDs');
  }
  return [ctx.tenantId, ctx.organizationIds.join(','), ctx.staffId ?? ''];
}

/**
 * Sets the row-level-security context for the rest of the transaction only
 * (set_config(..., true)), so nothing leaks to the next user of the pooled connection.
 */
export async function setTenantContext(
  tx: Transaction<DB> | Kysely<DB> | Kysely<unknown>,
  ctx: TenantContext,
): Promise<void> {
  const [tenant, orgs, staff] = contextLiterals(ctx);
  await sql`SELECT set_config('app.tenant_id', ${tenant}, true), set_config('app.org_ids', ${orgs}, true), set_config('app.staff_id', ${staff}, true)`.execute(
    tx,
  );
}

/**
 * Runs fn in one transaction with the tenant context set. BEGIN and the context
 * go to the server in one round trip; the ids are checked to be UUIDs before they
 * are written into the statement.
 */
export async function inTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const [tenant, orgs, staff] = contextLiterals(ctx);
  return db.connection().execute(async (conn) => {
    await sql
      .raw(
        `BEGIN; SELECT set_config('app.tenant_id', '${tenant}', true), set_config('app.org_ids', '${orgs}', true), set_config('app.staff_id', '${staff}', true)`,
      )
      .execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (error) {
      await sql.raw('ROLLBACK').execute(conn);
      throw error;
    }
    await sql.raw('COMMIT').execute(conn);
    return result;
  });
}
