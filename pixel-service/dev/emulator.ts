/**
 * Starts the official Cloud Firestore emulator (the gcloud SDK's Java jar) for
 * local runs, tests and benchmarks. Nothing here runs in production.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const JAR_IN_SDK = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const SDK_ROOTS = [
  '/usr/lib/google-cloud-sdk',
  '/usr/share/google-cloud-sdk',
  '/opt/google-cloud-sdk',
  '/google-cloud-sdk',
];
const READY_TIMEOUT_MS = 30_000;

export const INSTALL_HINT =
  'The Cloud Firestore emulator was not found. Install it with ' +
  '`gcloud components install cloud-firestore-emulator` (or, on Debian, ' +
  '`apt-get install google-cloud-cli-firestore-emulator`), or point ' +
  'FIRESTORE_EMULATOR_JAR at cloud-firestore-emulator.jar. It needs Java 17+.';

export interface Emulator {
  /** `host:port`, the value for FIRESTORE_EMULATOR_HOST. */
  host: string;
  port: number;
  /** Deletes every document of a project. */
  reset(projectId: string): Promise<void>;
  /** Stops the emulator process and waits for it to exit. */
  stop(): Promise<void>;
  /** The running process, for tests that kill it on purpose. */
  process: ChildProcess;
}

/** Finds the emulator jar: an explicit path, the usual SDK folders, then `gcloud` on the PATH. */
export function findEmulatorJar(explicitJar?: string): string | null {
  if (explicitJar) return existsSync(explicitJar) ? explicitJar : null;
  const roots = [...SDK_ROOTS];
  const gcloud = whichGcloud();
  if (gcloud) roots.unshift(dirname(dirname(realpathSync(gcloud))));
  for (const root of roots) {
    const jar = join(root, JAR_IN_SDK);
    if (existsSync(jar)) return jar;
  }
  return null;
}

function whichGcloud(): string | null {
  try {
    return execFileSync('which', ['gcloud'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the emulator on a loopback port and resolves once it answers `Ok`. */
export async function startEmulator(options: { jar: string; port?: number }): Promise<Emulator> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    'java',
    ['-cp', options.jar, MAIN_CLASS, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const host = `127.0.0.1:${port}`;
  await waitUntilReady(host, child, () => stderr);
  return {
    host,
    port,
    process: child,
    reset: (projectId) => resetEmulator(host, projectId),
    stop: () => stopProcess(child),
  };
}

/** Starts the emulator again on the same port, e.g. after a test killed it. */
export function restartEmulator(jar: string, port: number): Promise<Emulator> {
  return startEmulator({ jar, port });
}

async function waitUntilReady(host: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Firestore emulator exited with ${child.exitCode}: ${log()}`);
    }
    try {
      const response = await fetch(`http://${host}/`);
      if ((await response.text()).trim() === 'Ok') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`Firestore emulator did not answer within ${READY_TIMEOUT_MS} ms`);
}

/** Deletes every document of one project in the emulator at `host`. */
export async function resetEmulator(host: string, projectId: string): Promise<void> {
  const url = `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const response = await fetch(url, { method: 'DELETE' });
  if (!response.ok) throw new Error(`emulator reset failed: ${response.status}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
