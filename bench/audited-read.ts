// Benchmark (issue 2): throughput of an authorized, field-filtered, audited read
// of one consultee through the choke point, against a bare endpoint doing the
// same SELECT without session, policy, RLS or audit. Both are measured in the
// same run on the same machine, alternating, and reported as a ratio.
//
//   npm run bench            (BENCH_CONSULTEES=10000 BENCH_SECONDS=10 BENCH_CONNECTIONS=10 to change)

import autocannon from 'autocannon';
import { startBenchCluster } from './cluster.js';
import { generate } from './generate.js';
import { median, signInAs, startBenchServer } from './harness.js';
import { createRawDatabase } from '../src/server/db/database.js';
import { typed } from '../src/server/tenancy/provision.js';

const CONSULTEES = Number(process.env.BENCH_CONSULTEES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const cluster = await startBenchCluster();
const owner = createRawDatabase(cluster.ownerUrl, 4);
try {
  const started = performance.now();
  const data = await generate(typed(owner), CONSULTEES, { notesPerCase: 0 });
  console.log(
    `generated ${CONSULTEES} consultees with cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const server = await startBenchServer(cluster);
  try {
    const base = server.base;
    const cookie = await signInAs(base, data.code, data.workerLogin);
    const id = data.assigned[0]?.consulteeId as string;

    const audited = `${base}/api/consultees/${id}/basic`;
    const bare = `${base}/bench/bare/${id}`;
    const check = await (await fetch(audited, { headers: { cookie } })).json();
    if (!check.consultee?.familyName) throw new Error(`audited read returned no data: ${JSON.stringify(check)}`);

    // Warm up both paths (JIT, connection pools, caches).
    await load(bare, {}, 2);
    await load(audited, { cookie }, 2);

    const bareRuns = [];
    const auditedRuns = [];
    // BENCH_ONLY=audited measures only the audited path (for profiling the server).
    const only = process.env.BENCH_ONLY;
    for (let round = 0; round < ROUNDS; round++) {
      if (only !== 'audited') bareRuns.push(await load(bare, {}, SECONDS));
      if (only !== 'bare') auditedRuns.push(await load(audited, { cookie }, SECONDS));
    }
    if (only) {
      const runs = only === 'bare' ? bareRuns : auditedRuns;
      console.log(`${only}: ${median(runs.map((r) => r.rps)).toFixed(0)} req/s`);
    } else {
      const bareRps = median(bareRuns.map((r) => r.rps));
      const auditedRps = median(auditedRuns.map((r) => r.rps));
      console.log('');
      console.log(`connections ${CONNECTIONS}, ${ROUNDS} rounds of ${SECONDS} s each, medians:`);
      console.log(
        `bare SELECT          ${bareRps.toFixed(0).padStart(7)} req/s   p50 ${median(bareRuns.map((r) => r.p50))} ms   p99 ${median(bareRuns.map((r) => r.p99))} ms`,
      );
      console.log(
        `audited read         ${auditedRps.toFixed(0).padStart(7)} req/s   p50 ${median(auditedRuns.map((r) => r.p50))} ms   p99 ${median(auditedRuns.map((r) => r.p99))} ms`,
      );
      console.log(`ratio audited/bare   ${((auditedRps / bareRps) * 100).toFixed(1)} %   (target ≥ 50 %)`);
    }
  } finally {
    await server.stop();
  }
} finally {
  await owner.destroy();
  await cluster.stop();
}
