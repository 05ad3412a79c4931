/** Builds and starts the benchmark's servers as separate node processes. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { freePort } from '../dev/emulator';

const here = __dirname;

export interface Bundles {
  /** The real entry point, as Cloud Run starts it. */
  main: string;
  service: string;
  baseline: string;
}

/** Bundles every entry the same way the service is bundled for Cloud Run. */
export async function buildBundles(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), 'mailping-bench-'));
  const entries = {
    main: join(here, '../src/main.ts'),
    service: join(here, 'service.ts'),
    baseline: join(here, 'baseline.ts'),
  };
  for (const [name, entry] of Object.entries(entries)) {
    await build({
      entryPoints: [entry],
      outfile: join(dir, `${name}.js`),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
  }
  cpSync(join(here, '../../shared/networks/snapshots'), join(dir, 'snapshots'), {
    recursive: true,
  });
  return {
    main: join(dir, 'main.js'),
    service: join(dir, 'service.js'),
    baseline: join(dir, 'baseline.js'),
  };
}

/** The Node options the Cloud Run image sets, so the service is measured as deployed. */
export function deployedNodeOptions(): string {
  const dockerfile = readFileSync(join(here, '../Dockerfile'), 'utf8');
  return /^ENV NODE_OPTIONS=(.+)$/m.exec(dockerfile)?.[1]?.trim() ?? '';
}

export interface Server {
  base: string;
  child: ChildProcess;
  /** Milliseconds from spawning the process to its first served pixel. */
  startupMs: number;
  /** The process's peak resident memory so far, in MB (Linux). */
  peakMemoryMb(): number;
  stop(): Promise<void>;
}

/** Starts a bundle and waits until `probePath` answers 200. */
export async function startServer(
  bundle: string,
  args: string[],
  env: Record<string, string>,
  probePath: string,
): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('node', [bundle, ...args], {
    env: { PATH: process.env.PATH, PORT: String(port), METADATA_SERVER_DETECTION: 'none', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await untilAnswered(`${base}${probePath}`, child);
  const startupMs = performance.now() - started;
  return {
    base,
    child,
    startupMs,
    peakMemoryMb: () => peakRssMb(child.pid ?? 0),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function untilAnswered(url: string, child: ChildProcess) {
  for (let i = 0; i < 3000; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no answer from ${url}`);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
