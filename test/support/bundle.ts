/** The built service, started with node as Cloud Run starts it, its output kept. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../pixel-service/dev/emulator';

export interface RunningBundle {
  base: string;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output(): string;
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[];
}

export function buildBundle(): string {
  const bundle = join(mkdtempSync(join(tmpdir(), 'mailping-bundle-')), 'server.js');
  execFileSync('node', ['pixel-service/build.mjs', bundle], { stdio: 'ignore' });
  return bundle;
}

export async function startBundle(
  bundle: string,
  env: Record<string, string>,
): Promise<RunningBundle> {
  const port = await freePort();
  const child = spawn('node', [bundle], {
    env: { PATH: process.env.PATH, PORT: String(port), METADATA_SERVER_DETECTION: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`)).ok, 10_000);
  return {
    base,
    child,
    output: () => output,
    logLines: () =>
      output.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
  };
}

/** Polls until `check` resolves true; throws after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not true within ${timeoutMs} ms`);
}
