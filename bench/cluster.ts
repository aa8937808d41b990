// A throwaway embedded PostgreSQL for benchmarks, with the app's roles and schema.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureRolesAndDatabase, withCredentials } from '../src/server/db/bootstrap.js';
import { createRawDatabase } from '../src/server/db/database.js';
import { lockDataDir, startEmbeddedCluster } from '../src/server/db/embedded.js';
import { migrate } from '../src/server/db/migrate.js';

export interface BenchCluster {
  superuserUrl: string;
  appUrl: string;
  ownerUrl: string;
  stop(): Promise<void>;
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jss-bench-'));
  await chmod(dir, 0o755);
  const release = await lockDataDir(dir);
  const cluster = await startEmbeddedCluster(dir);
  const spec = {
    database: 'bench',
    owner: { name: 'bench_owner', password: randomBytes(12).toString('hex') },
    app: { name: 'bench_app', password: randomBytes(12).toString('hex') },
  };
  await ensureRolesAndDatabase(cluster.url(), spec);
  const ownerUrl = withCredentials(cluster.url(), spec.database, spec.owner);
  const owner = createRawDatabase(ownerUrl);
  await migrate(owner, spec.app.name);
  await owner.destroy();
  return {
    superuserUrl: cluster.url(spec.database),
    appUrl: withCredentials(cluster.url(), spec.database, spec.app),
    ownerUrl,
    async stop() {
      await cluster.stop();
      await release();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
