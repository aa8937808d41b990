// Benchmark (issue 3): how long a worker waits for the two things done all day:
// finding a person by name, and opening a case (the whole record with every form,
// through the choke point, field-filtered and audited). Latency of requests made
// one after another, as a person at a screen makes them, over a caseload of
// BENCH_CONSULTEES (default 100,000) consultees with cases, intake forms and notes.
// The baseline, measured in the same run, is a bare SELECT of one consultee by id
// with no session, policy, RLS or audit; figures are also given as its multiples.
//
//   npm run bench:casework      (BENCH_CONSULTEES=20000 BENCH_REQUESTS=200 to change)

import { startBenchCluster } from './cluster.js';
import { generate } from './generate.js';
import { percentile, signInAs, startBenchServer } from './harness.js';
import { createRawDatabase } from '../src/server/db/database.js';
import { typed } from '../src/server/tenancy/provision.js';

const CONSULTEES = Number(process.env.BENCH_CONSULTEES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const TARGET_P95_MS = 50;

interface Series {
  name: string;
  urls: string[];
  cookie?: string;
}

/** Latencies, and for a search how many people it found on average (a fast search that finds nobody is no good). */
async function measure(base: string, series: Series): Promise<{ times: number[]; found: number | null }> {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const url = series.urls[i % series.urls.length] as string;
    const started = performance.now();
    const res = await fetch(`${base}${url}`, { headers: series.cookie ? { cookie: series.cookie } : {} });
    const body = await res.text();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${series.name}: ${url} answered ${res.status}`);
    if (url.startsWith('/api/consultees?')) found += (JSON.parse(body) as { items: unknown[] }).items.length;
  }
  return { times, found: series.urls[0]?.startsWith('/api/consultees?') ? found / REQUESTS : null };
}

const cluster = await startBenchCluster();
const owner = createRawDatabase(cluster.ownerUrl, 4);
try {
  const started = performance.now();
  const data = await generate(typed(owner), CONSULTEES, {
    onProgress: (n) => n % 20_000 === 0 && console.log(`  ${n} consultees…`),
  });
  console.log(
    `generated ${CONSULTEES} consultees with a case, an intake form and 3 notes each in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const server = await startBenchServer(cluster);
  try {
    const worker = await signInAs(server.base, data.code, data.workerLogin);
    const chief = await signInAs(server.base, data.code, data.chiefLogin);
    const q = (text: string) => `/api/consultees?q=${encodeURIComponent(text)}`;
    const mine = data.assigned;
    const series: Series[] = [
      { name: 'baseline: bare SELECT by id', urls: mine.map((a) => `/bench/bare/${a.consulteeId}`) },
      {
        name: 'search by kana, worker (own caseload)',
        urls: mine.flatMap((a) => [q(a.kana), q(a.kana.slice(0, 3))]),
        cookie: worker,
      },
      {
        name: 'search by kana, chief (whole office)',
        urls: data.kanaNames.flatMap((k) => [q(k), q(k.slice(0, 3))]),
        cookie: chief,
      },
      {
        name: 'search by misspelt kana, chief',
        urls: data.kanaNames.map((k) => q(`${k.slice(0, -1)}ー`)),
        cookie: chief,
      },
      { name: 'open a case, worker', urls: mine.map((a) => `/api/cases/${a.caseId}`), cookie: worker },
      { name: 'open a case, chief', urls: mine.map((a) => `/api/cases/${a.caseId}`), cookie: chief },
    ];
    // Warm up every path (JIT, pools, caches) before measuring.
    for (const s of series)
      for (const url of s.urls.slice(0, 20))
        await fetch(`${server.base}${url}`, { headers: s.cookie ? { cookie: s.cookie } : {} });

    const results = [];
    for (const s of series) {
      const { times, found } = await measure(server.base, s);
      results.push({
        name: s.name,
        found,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
      });
    }
    const baseline = results[0]?.p50 ?? 1;
    console.log('');
    console.log(`${CONSULTEES} consultees, ${REQUESTS} sequential requests per line; latency in ms`);
    console.log(
      `${'what'.padEnd(40)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)}   p50 / baseline p50`,
    );
    for (const r of results) {
      const flag = r.name.startsWith('baseline')
        ? ''
        : r.p95 < TARGET_P95_MS
          ? '   ok'
          : `   ABOVE ${TARGET_P95_MS} ms target`;
      console.log(
        `${r.name.padEnd(40)} ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)}   ${(r.p50 / baseline).toFixed(1).padStart(5)}×${r.found === null ? '' : `   ${r.found.toFixed(1)} people`}${flag}`,
      );
    }
  } finally {
    await server.stop();
  }
} finally {
  await owner.destroy();
  await cluster.stop();
}
