// The server as an operator runs it: a real process on a real port.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { freePort } from '../../src/server/db/embedded.js';

const run = promisify(execFile);

let tdb: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'jss-server-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await tdb?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForHealth(port: number, started: Started): Promise<Response> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/api/health`);
    } catch {
      if (Date.now() > deadline || started.child.exitCode !== null)
        throw new Error(`server did not start:\n${started.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('running the server', () => {
  it('starts on the embedded PostgreSQL in DATA_DIR, refuses a second instance on it, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const first = start({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' });
    try {
      const health = await waitForHealth(port, first);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { state: 'ok' } });
      expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

      const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()), DATABASE_URL: '' });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/is in use by another instance \(pid \d+\)/);

      // The command line joins the running instance's database instead of failing.
      const demo = await run(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'demo'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      const password = /^\s+soudan\s+(\S+)/m.exec(demo.stdout)?.[1];
      const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantCode: 'demo', login: 'soudan', password }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'app.lock'))).toBe(false);
  });

  it('starts again on the same data, keeping it', async () => {
    const port = await freePort();
    const again = start({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' });
    try {
      expect((await waitForHealth(port, again)).status).toBe(200);
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
  });

  it('uses DATABASE_URL when set, migrating through DATABASE_OWNER_URL', async () => {
    const port = await freePort();
    const external = start({
      DATABASE_URL: tdb.appUrl,
      DATABASE_OWNER_URL: tdb.ownerUrl,
      PORT: String(port),
      DATA_DIR: dataDir,
    });
    try {
      const health = await waitForHealth(port, external);
      expect(health.status).toBe(200);
    } finally {
      external.child.kill('SIGTERM');
    }
    expect(await external.exited).toBe(0);
  });

  it('refuses to serve as a role that owns the tables', async () => {
    const refused = start({ DATABASE_URL: tdb.ownerUrl, PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/owns the tables/);
  });
});
