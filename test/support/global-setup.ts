// Starts one real PostgreSQL for the test run and prepares a migrated template
// database; each test file then copies the template (test/support/db.ts).
//
// TEST_PG_ADMIN_URL: a superuser connection to an existing server (CI runs the
// suite once against Debian's PostgreSQL 15 this way). Unset: the embedded
// PostgreSQL, in a temporary directory.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { ensureRolesAndDatabase, withCredentials } from '../../src/server/db/bootstrap.js';
import { createRawDatabase } from '../../src/server/db/database.js';
import { lockDataDir, startEmbeddedCluster } from '../../src/server/db/embedded.js';
import { migrate } from '../../src/server/db/migrate.js';

export interface TestPg {
  adminUrl: string;
  template: string;
  owner: { name: string; password: string };
  app: { name: string; password: string };
  serverVersion: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: TestPg;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_PG_ADMIN_URL;
  let teardownCluster = async () => {};
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jss-test-pg-'));
    await chmod(dir, 0o755); // PostgreSQL runs as another OS user when we are root
    const release = await lockDataDir(dir);
    const cluster = await startEmbeddedCluster(dir);
    adminUrl = cluster.url();
    teardownCluster = async () => {
      await cluster.stop();
      await release();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const suffix = randomBytes(4).toString('hex');
  const spec = {
    database: `jss_template_${suffix}`,
    owner: { name: 'jss_test_owner', password: randomBytes(16).toString('hex') },
    app: { name: 'jss_test_app', password: randomBytes(16).toString('hex') },
  };
  await ensureRolesAndDatabase(adminUrl, spec);
  const ownerDb = createRawDatabase(withCredentials(adminUrl, spec.database, spec.owner));
  await migrate(ownerDb, spec.app.name);
  await ownerDb.destroy();

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const version =
    (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  await client.end();

  project.provide('pg', {
    adminUrl,
    template: spec.database,
    owner: spec.owner,
    app: spec.app,
    serverVersion: version,
  });

  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const dbs = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'jss\\_test\\_${suffix}\\_%' OR datname = $1`,
      [spec.database],
    );
    for (const { datname } of dbs.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.end();
    await teardownCluster();
  };
}
