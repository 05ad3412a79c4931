/**
 * `npm run bench`: measures the service side by side with baselines in the
 * same run, so the machine's noise falls on both, and prints a table with
 * each target held or missed. Starts its own Firestore emulator.
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { findEmulatorJar, INSTALL_HINT, startEmulator } from '../dev/emulator';
import { parseTokenKeys } from '../src/config';
import { signToken } from '../src/token';
import { CONNECTIONS, type LoadResult, load } from './load';
import { countOperations } from './operations';
import { buildBundles, deployedNodeOptions, type Server, startServer } from './processes';
import { printTable, type Row } from './table';

const SECONDS = 8;
const ROUNDS = 2;
const STARTS = 9;
/** Fixed work per request given to bare Fastify, to show what work costs here. */
const CALIBRATION_MICROSECONDS = [5, 10];
const TOKEN_KEYS = `b1:${randomBytes(32).toString('base64')}`;
const PIXEL_PATH = `/p/${signToken(parseTokenKeys(TOKEN_KEYS), 'benchAAAAAAAAAAAAAAAAA')}.gif`;

async function main() {
  const jar = findEmulatorJar(process.env.FIRESTORE_EMULATOR_JAR);
  if (!jar) throw new Error(INSTALL_HINT);
  const emulator = await startEmulator({ jar });
  try {
    const rows = await measure(emulator.host);
    printTable(rows, describeMachine());
  } finally {
    await emulator.stop();
  }
}

async function measure(emulatorHost: string): Promise<Row[]> {
  const bundles = await buildBundles();
  const env = (project: string) => ({
    TOKEN_KEYS,
    GOOGLE_CLOUD_PROJECT: project,
    FIRESTORE_EMULATOR_HOST: emulatorHost,
    LOG_LEVEL: 'info',
    // Every fetch stored one by one: beyond the cap they would only be counted.
    DAILY_FETCH_CAP: '1000000',
  });
  // The service runs with the image's Node options; the baselines with none.
  const deployed = { NODE_OPTIONS: deployedNodeOptions() };
  const start = (bundle: string, mode: string, project: string) => {
    const own = bundle !== bundles.baseline;
    const options = own ? { ...env(project), ...deployed } : env(project);
    return startServer(bundle, mode ? [mode] : [], options, PIXEL_PATH);
  };

  const stored = await sideBySide({
    baseline: () => start(bundles.baseline, 'store', 'demo-bench-baseline'),
    service: () => start(bundles.service, 'store', 'demo-bench-service'),
  });
  const bare = await sideBySide({
    baseline: () => start(bundles.baseline, 'bare', 'demo-bench-bare'),
    service: () => start(bundles.service, 'no-store', 'demo-bench-nostore'),
    ...Object.fromEntries(
      CALIBRATION_MICROSECONDS.map((us) => [
        `busy:${us}`,
        () => start(bundles.baseline, `busy:${us}`, 'demo-bench-busy'),
      ]),
    ),
  });
  const startup = await startups(
    () => start(bundles.baseline, 'store', 'demo-bench-start-baseline'),
    () => start(bundles.main, '', 'demo-bench-start-main'),
  );
  const ops = await countOperations(bundles.service, emulatorHost, env('demo-bench-ops'));
  const addonBytes = addonSize();
  return rowsOf({ stored, bare, startup, ops, addonBytes });
}

interface SideBySide {
  results: Record<string, LoadResult>;
  peakMemoryMb: Record<string, number>;
}

/**
 * Loads each server in turn, the order reversed every round (ABC, CBA), so
 * drift in the machine's load falls evenly on all of them; averages each.
 */
async function sideBySide(starters: Record<string, () => Promise<Server>>): Promise<SideBySide> {
  const servers: Record<string, Server> = {};
  try {
    for (const [name, start] of Object.entries(starters)) servers[name] = await start();
    const names = Object.keys(servers);
    const runs: Record<string, LoadResult[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const name of names) await load(`${servers[name]?.base}${PIXEL_PATH}`, 2);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? names : [...names].reverse();
      for (const name of order) {
        runs[name]?.push(await load(`${servers[name]?.base}${PIXEL_PATH}`, SECONDS));
      }
    }
    return {
      results: Object.fromEntries(names.map((n) => [n, average(runs[n] ?? [])])),
      peakMemoryMb: Object.fromEntries(names.map((n) => [n, servers[n]?.peakMemoryMb() ?? 0])),
    };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

/** Median start-up, each side started in turn so both meet the same machine. */
async function startups(baseline: () => Promise<Server>, service: () => Promise<Server>) {
  const times = { baseline: [] as number[], service: [] as number[] };
  for (let i = 0; i < STARTS; i += 1) {
    for (const [side, start] of [
      ['baseline', baseline],
      ['service', service],
    ] as const) {
      const server = await start();
      times[side].push(server.startupMs);
      await server.stop();
    }
  }
  return { baseline: median(times.baseline), service: median(times.service) };
}

function average(results: LoadResult[]): LoadResult {
  const mean = (pick: (r: LoadResult) => number) =>
    results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function addonSize(): number {
  const outdir = mkdtempSync(join(tmpdir(), 'mailping-addon-'));
  execFileSync('node', ['addon/build.mjs', '--outdir', outdir], { stdio: 'ignore' });
  return statSync(join(outdir, 'Code.js')).size;
}

function describeMachine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  const node = `Node ${process.versions.node}`;
  return `${cpus().length} × ${cpu}, ${memory} GB, ${node}, ${process.platform}`;
}

interface Measured {
  stored: SideBySide;
  bare: SideBySide;
  startup: { baseline: number; service: number };
  ops: Awaited<ReturnType<typeof countOperations>>;
  addonBytes: number;
}

function rowsOf({ stored, bare, startup, ops, addonBytes }: Measured): Row[] {
  const resultOf = (side: SideBySide, name: string): LoadResult => {
    const result = side.results[name];
    if (!result) throw new Error(`no load result for ${name}`);
    return result;
  };
  const rate = (side: SideBySide, name: string) => resultOf(side, name).requestsPerSecond;
  const storedRatio = rate(stored, 'service') / rate(stored, 'baseline');
  const bareRatio = rate(bare, 'service') / rate(bare, 'baseline');
  const startRatio = startup.service / startup.baseline;
  const peak = Math.max(stored.peakMemoryMb.service ?? 0, bare.peakMemoryMb.service ?? 0);
  const fmt = (r: LoadResult) => `${Math.round(r.requestsPerSecond)} req/s`;
  const lat = (r: LoadResult) => `${r.p50Ms} / ${r.p99Ms} ms`;
  const sum = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ') || 'none';
  const calibration = CALIBRATION_MICROSECONDS.map((us) => ({
    measure: `for scale: bare + ${us} µs of work a request`,
    service: '',
    baseline: fmt(resultOf(bare, `busy:${us}`)),
    ratio: rate(bare, `busy:${us}`) / rate(bare, 'baseline'),
  }));
  return [
    {
      measure: 'pixel with storage: throughput',
      service: fmt(resultOf(stored, 'service')),
      baseline: fmt(resultOf(stored, 'baseline')),
      ratio: storedRatio,
      target: '≥ 0.90',
      held: storedRatio >= 0.9,
    },
    {
      measure: 'pixel with storage: p50 / p99',
      service: lat(resultOf(stored, 'service')),
      baseline: lat(resultOf(stored, 'baseline')),
    },
    {
      measure: 'pixel with storage: failed answers',
      service: String(resultOf(stored, 'service').failures),
      baseline: String(resultOf(stored, 'baseline').failures),
      target: '0',
      held: resultOf(stored, 'service').failures === 0,
    },
    {
      measure: 'overhead, storage off: throughput',
      service: fmt(resultOf(bare, 'service')),
      baseline: fmt(resultOf(bare, 'baseline')),
      ratio: bareRatio,
      target: '≥ 0.60',
      held: bareRatio >= 0.6,
    },
    {
      measure: 'overhead, storage off: p50 / p99',
      service: lat(resultOf(bare, 'service')),
      baseline: lat(resultOf(bare, 'baseline')),
    },
    ...calibration,
    {
      measure: 'start-up to first served pixel',
      service: `${Math.round(startup.service)} ms`,
      baseline: `${Math.round(startup.baseline)} ms`,
      ratio: startRatio,
      target: '≤ 1.30',
      held: startRatio <= 1.3,
    },
    {
      measure: `peak memory at ${CONNECTIONS} connections`,
      service: `${Math.round(peak)} MB`,
      target: '< 256 MB',
      held: peak < 256,
    },
    {
      measure: 'Firestore reads per pixel fetch',
      service: String(ops.readsPerFetch),
      target: '0',
      held: ops.readsPerFetch === 0,
    },
    {
      measure: 'Firestore commits per pixel fetch',
      service: ops.commitsPerFetch.toFixed(3),
      target: '≤ 1',
      held: ops.commitsPerFetch <= 1,
    },
    { measure: 'Firestore calls per timeline read', service: sum(ops.perTimeline) },
    { measure: 'Firestore calls per link list', service: sum(ops.perList) },
    { measure: 'add-on bundle', service: `${(addonBytes / 1024).toFixed(1)} KB` },
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
