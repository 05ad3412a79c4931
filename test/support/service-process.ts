/**
 * Starts the real service in a child process (see clocked-service.ts), on a
 * free loopback port, against the emulator and a project of the caller's.
 * Add-on handlers block their thread on every request, as Apps Script does,
 * so the service they talk to can't share the test's thread.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../pixel-service/dev/emulator';
import type { ClockMessage, ClockReply } from './clocked-service';
import { emulatorHost } from './firestore';
import { TEST_TOKEN_KEYS } from './service';

const START_TIMEOUT_MS = 30_000;

export interface ServiceProcess {
  url: string;
  /** The service's clock: real time plus however far it was moved. */
  now(): number;
  /** Moves the service's clock forward, as if `ms` had passed. */
  advance(ms: number): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

function nextReply(child: ChildProcess): Promise<ClockReply> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onReply);
      child.off('exit', onExit);
    };
    const onReply = (reply: ClockReply) => {
      done();
      resolve(reply);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`service exited with ${code}`));
    };
    const timer = setTimeout(onExit, START_TIMEOUT_MS, null);
    child.on('message', onReply);
    child.on('exit', onExit);
  });
}

export async function startServiceProcess(projectId: string): Promise<ServiceProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'clocked-service.ts')],
    {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        PUBLIC_URL: url,
        TOKEN_KEYS: TEST_TOKEN_KEYS,
        GOOGLE_CLOUD_PROJECT: projectId,
        FIRESTORE_EMULATOR_HOST: emulatorHost,
        METADATA_SERVER_DETECTION: 'none',
        DEV_IDENTITY: 'on',
        // The one proxy in front of it on Cloud Run, played by the test.
        TRUSTED_PROXY_HOPS: '1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let offsetMs = 0;
  try {
    offsetMs = (await nextReply(child)).nowMs - Date.now();
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    now: () => Date.now() + offsetMs,
    async advance(ms) {
      const reply = nextReply(child);
      child.send({ advanceMs: ms } satisfies ClockMessage);
      offsetMs = (await reply).nowMs - Date.now();
    },
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
