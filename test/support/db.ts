// A fresh database for one test file: a copy of the migrated template, reached
// as the app role (bound by RLS) and as the owner (for factories and tampering).

import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { withCredentials } from '../../src/server/db/bootstrap.js';
import { createDatabase, createRawDatabase, type Database } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { typed } from '../../src/server/tenancy/provision.js';

export interface TestDatabase {
  name: string;
  /** The app role: what the server uses. */
  db: Database;
  appUrl: string;
  /** The owner role, typed: factories and maintenance. */
  owner: Kysely<DB>;
  ownerRaw: Kysely<unknown>;
  ownerUrl: string;
  /** A superuser connection, for what even the owner cannot do (tampering with the trail). */
  adminUrl: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const pgInfo = inject('pg');
  const suffix = pgInfo.template.replace('jss_template_', '');
  const name = `jss_test_${suffix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgInfo.adminUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(pgInfo.template)} OWNER ${admin.escapeIdentifier(pgInfo.owner.name)}`,
    );
    await admin.query(
      `GRANT CONNECT ON DATABASE ${admin.escapeIdentifier(name)} TO ${admin.escapeIdentifier(pgInfo.app.name)}`,
    );
  } finally {
    await admin.end();
  }
  const appUrl = withCredentials(pgInfo.adminUrl, name, pgInfo.app);
  const ownerUrl = withCredentials(pgInfo.adminUrl, name, pgInfo.owner);
  const db = createDatabase({ connectionString: appUrl, max: 5 });
  const ownerRaw = createRawDatabase(ownerUrl, 3);
  const adminUrl = (() => {
    const u = new URL(pgInfo.adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  return {
    name,
    db,
    appUrl,
    owner: typed(ownerRaw),
    ownerRaw,
    ownerUrl,
    adminUrl,
    async close() {
      await db.destroy();
      await ownerRaw.destroy();
    },
  };
}
