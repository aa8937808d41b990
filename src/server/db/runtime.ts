// Opens the database the app serves from: the embedded PostgreSQL in DATA_DIR by
// default, or the server named by DATABASE_URL. Migrates as the owner, then
// connects as the app role and checks that the role cannot bypass row-level security.

import { sql, type Kysely } from 'kysely';
import { roleOf, type Config } from '../config.js';
import { ensureRolesAndDatabase, withCredentials } from './bootstrap.js';
import { createDatabase, createRawDatabase, type Database } from './database.js';
import path from 'node:path';
import { loadCredentials, lockDataDir, runningClusterPort, startEmbeddedCluster } from './embedded.js';
import { appliedMigration, latestMigration, migrate } from './migrate.js';

export const EMBEDDED_DATABASE = 'jiritsu';
export const EMBEDDED_OWNER = 'jiritsu_owner';
export const EMBEDDED_APP = 'jiritsu_app';

export interface OpenDatabase {
  db: Database;
  /** Present when this process may run migrations and owner-only maintenance. */
  ownerDb: Kysely<unknown> | null;
  mode: 'embedded' | 'external';
  close(): Promise<void>;
}

export interface OpenOptions {
  poolSize?: number;
  /** Run migrations when an owner connection is available (default true). */
  migrate?: boolean;
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<OpenDatabase> {
  return config.databaseUrl ? openExternal(config, options) : openEmbedded(config, options);
}

async function openEmbedded(config: Config, options: OpenOptions): Promise<OpenDatabase> {
  const release = await lockDataDir(config.dataDir);
  let cluster: Awaited<ReturnType<typeof startEmbeddedCluster>> | undefined;
  try {
    cluster = await startEmbeddedCluster(config.dataDir);
    const owner = { name: EMBEDDED_OWNER, password: await cluster.rolePassword(EMBEDDED_OWNER) };
    const app = { name: EMBEDDED_APP, password: await cluster.rolePassword(EMBEDDED_APP) };
    await ensureRolesAndDatabase(cluster.url(), { database: EMBEDDED_DATABASE, owner, app });
    const base = cluster.url(EMBEDDED_DATABASE);
    const ownerDb = createRawDatabase(withCredentials(base, EMBEDDED_DATABASE, owner));
    if (options.migrate !== false) await migrate(ownerDb, app.name);
    const db = createDatabase({
      connectionString: withCredentials(base, EMBEDDED_DATABASE, app),
      max: options.poolSize,
    });
    await assertSafeAppRole(db);
    const started = cluster;
    return {
      db,
      ownerDb,
      mode: 'embedded',
      async close() {
        await db.destroy();
        await ownerDb.destroy();
        await started.stop();
        await release();
      },
    };
  } catch (error) {
    await cluster?.stop().catch(() => undefined);
    await release();
    throw error;
  }
}

async function openExternal(config: Config, options: OpenOptions): Promise<OpenDatabase> {
  const databaseUrl = config.databaseUrl as string;
  const ownerDb = config.databaseOwnerUrl ? createRawDatabase(config.databaseOwnerUrl) : null;
  const db = createDatabase({ connectionString: databaseUrl, max: options.poolSize });
  try {
    if (ownerDb && options.migrate !== false) await migrate(ownerDb, roleOf(databaseUrl));
    await assertServerVersion(db);
    const applied = await appliedMigration(db as unknown as Kysely<unknown>);
    if (applied !== latestMigration()) {
      throw new Error(
        `The database schema is not current (applied: ${applied ?? 'none'}, expected: ${latestMigration()}). ` +
          'Set DATABASE_OWNER_URL to migrate at start, or run: npm run cli -- migrate',
      );
    }
    await assertSafeAppRole(db);
  } catch (error) {
    await db.destroy();
    await ownerDb?.destroy();
    throw error;
  }
  return {
    db,
    ownerDb,
    mode: 'external',
    async close() {
      await db.destroy();
      await ownerDb?.destroy();
    },
  };
}

export const MINIMUM_SERVER_VERSION = 150000;

/** PostgreSQL 15 or later: the SQL (role specifications, functions, RLS) is written for it and tested on it. */
export async function assertServerVersion(db: Database): Promise<void> {
  const { rows } = await sql<{ version: string }>`SELECT current_setting('server_version_num') AS version`.execute(db);
  const version = Number(rows[0]?.version ?? 0);
  if (version < MINIMUM_SERVER_VERSION) {
    throw new Error(
      `PostgreSQL 15 or later is required; DATABASE_URL points at version ${Math.floor(version / 10000)}`,
    );
  }
}

/**
 * ARCHITECTURE rule 5: the app connects as a role that owns no table and cannot
 * bypass row-level security; otherwise tenant isolation would rest on the code alone.
 */
export async function assertSafeAppRole(db: Database): Promise<void> {
  const { rows } = await sql<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>`
    SELECT r.rolname, r.rolsuper, r.rolbypassrls,
      (SELECT count(*)::int FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owned
    FROM pg_roles r WHERE r.rolname = current_user`.execute(db);
  const role = rows[0];
  if (!role) throw new Error('Cannot read the database role of DATABASE_URL');
  if (role.rolsuper || role.rolbypassrls || role.owned > 0) {
    throw new Error(
      `DATABASE_URL connects as "${role.rolname}", which ${role.rolsuper ? 'is a superuser' : role.rolbypassrls ? 'has BYPASSRLS' : 'owns the tables'}. ` +
        'The app must connect as a role that owns nothing and is bound by row-level security; migrations run as the owner through DATABASE_OWNER_URL.',
    );
  }
}

export interface OwnerConnection {
  ownerDb: Kysely<unknown>;
  appRole: string;
  /**
   * A connection as the app role, for commands that work through the choke point
   * like the app does (the demo tenant's cases). Opened on first use.
   */
  appDb(): Database;
  close(): Promise<void>;
}

/**
 * The owner's connection, for the command line. With the embedded database it
 * starts the cluster, or joins the one a running app instance holds.
 */
export async function openOwnerConnection(config: Config): Promise<OwnerConnection> {
  let app: Database | null = null;
  const lazy = (url: string) => () => (app ??= createDatabase({ connectionString: url, max: 2 }));
  const closeApp = async () => {
    await app?.destroy();
  };
  if (config.databaseUrl) {
    if (!config.databaseOwnerUrl) {
      throw new Error('Set DATABASE_OWNER_URL (the owner role) to run this command against DATABASE_URL');
    }
    const ownerDb = createRawDatabase(config.databaseOwnerUrl);
    return {
      ownerDb,
      appRole: roleOf(config.databaseUrl),
      appDb: lazy(config.databaseUrl),
      close: async () => {
        await closeApp();
        await ownerDb.destroy();
      },
    };
  }
  const port = await runningClusterPort(config.dataDir);
  if (port !== null) {
    const credentials = await loadCredentials(path.join(config.dataDir, 'credentials.json'));
    const url = (role: string) => {
      const password = credentials.rolePasswords[role];
      if (!password) throw new Error(`The running instance has not created the role ${role} yet`);
      return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
    };
    const ownerDb = createRawDatabase(url(EMBEDDED_OWNER));
    return {
      ownerDb,
      appRole: EMBEDDED_APP,
      appDb: lazy(url(EMBEDDED_APP)),
      close: async () => {
        await closeApp();
        await ownerDb.destroy();
      },
    };
  }
  const opened = await openEmbedded(config, { poolSize: 1 });
  return {
    ownerDb: opened.ownerDb as Kysely<unknown>,
    appRole: EMBEDDED_APP,
    appDb: () => opened.db,
    close: () => opened.close(),
  };
}
