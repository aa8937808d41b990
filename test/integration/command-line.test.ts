import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { buildTestApp, testContext } from '../support/world.js';
import { asOwnerInTenant } from '../../src/server/tenancy/provision.js';
import { CASE_STATUSES } from '../../src/server/core/case-flow.js';

const run = promisify(execFile);

let tdb: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tdb = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: tdb.appUrl, DATABASE_OWNER_URL: tdb.ownerUrl };
});
afterAll(async () => {
  await tdb?.close();
});

const cli = (...args: string[]) => run('npx', ['tsx', 'src/server/cli.ts', ...args], { env });

async function failure(promise: Promise<unknown>): Promise<{ code: number; stderr: string; stdout: string }> {
  return promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: { code: number; stderr: string; stdout: string }) => e,
  );
}

describe('the command line', () => {
  it('migrate is idempotent', async () => {
    const { stdout } = await cli('migrate');
    expect(stdout).toContain('The schema is already current.');
  });

  it('init creates a tenant and its first administrator, who must change the one-time password and set up a second factor', async () => {
    const { stdout } = await cli('init', '--tenant', '青梅市', '--code', 'ome', '--admin', 'Admin1');
    expect(stdout).toContain('sign-in code: ome');
    const password = /One-time password \(shown only now\): (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    let app: FastifyInstance | undefined;
    try {
      app = await buildTestApp(testContext(tdb));
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { tenantCode: 'ome', login: 'admin1', password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().stage).toBe('password_change');
    } finally {
      await app?.close();
    }
  });

  it('init refuses a duplicate code and a name it cannot turn into a code', async () => {
    expect((await failure(cli('init', '--tenant', 'x', '--code', 'ome', '--admin', 'a1b'))).stderr).toContain(
      'already exists',
    );
    expect((await failure(cli('init', '--tenant', '新宿区', '--admin', 'a1b'))).stderr).toContain('--code');
    expect((await failure(cli('init', '--tenant', 'x'))).stderr).toContain('--admin');
  });

  it('demo creates a fictional tenant with a case in every stage, and prints how to sign in', async () => {
    const { stdout } = await cli('demo', '--code', 'demo-test');
    expect(stdout).toContain('架空市（デモ）');
    expect(stdout).toMatch(/soudan\s+\S{20}\s+見本 相太/);
    expect(stdout).toContain('demo-test');
    const verified = await cli('verify-audit', '--tenant', 'demo-test');
    expect(verified.stdout).toMatch(/^OK/m);
    const tenant = await tdb.owner
      .selectFrom('tenants')
      .select('tenantId')
      .where('code', '=', 'demo-test')
      .executeTakeFirstOrThrow();
    const statuses = await asOwnerInTenant(tdb.owner, tenant.tenantId, (tx) =>
      tx.selectFrom('cases').select('status').execute(),
    );
    expect(new Set(statuses.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const e = await failure(cli('frobnicate'));
    expect(e.code).toBe(2);
    expect(e.stdout).toContain('Usage: npm run cli');
  });
});
