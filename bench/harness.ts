// What every benchmark needs: the app served from its own process (so the load
// generator does not share its event loop) on a throwaway cluster, and a signed-in
// session for a generated worker.

import { fork } from 'node:child_process';
import type { BenchCluster } from './cluster.js';
import { BENCH_PASSWORD } from './generate.js';
import { freePort } from '../src/server/db/embedded.js';

export interface BenchServer {
  base: string;
  stop(): Promise<void>;
}

export async function startBenchServer(cluster: BenchCluster): Promise<BenchServer> {
  const port = await freePort();
  const server = fork(new URL('./server.ts', import.meta.url), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_PORT: String(port),
      BENCH_APP_URL: cluster.appUrl,
      BENCH_SUPERUSER_URL: cluster.superuserUrl,
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('message', () => resolve());
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs in through the real endpoint and returns the session cookie. */
export async function signInAs(base: string, tenantCode: string, login: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantCode, login, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
