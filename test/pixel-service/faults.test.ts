/**
 * Storage goes away in the middle of a burst. Every request still gets the
 * GIF within a bound; every fetch the service received is stored or written
 * whole to a dead-letter log line; readiness and the API say storage is
 * down; when it is back the service recovers by itself; and the re-ingest
 * command stores the dead letters, once, however often it runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIXEL_GIF } from '../../pixel-service/src/gif';
import { buildBundle, type RunningBundle, startBundle, waitFor } from '../support/bundle';
import { burst } from '../support/burst';
import {
  describeWithFirestore,
  emulatorHost,
  newProjectId,
  rawFirestore,
} from '../support/firestore';
import { type Outage, startOutageRelay } from '../support/outage';
import { TEST_TOKEN_KEYS } from '../support/service';

const STORE_TIMEOUT_MS = 1000;
const API_STORE_TIMEOUT_MS = 2000;
/** The store timeout plus generous room for a busy two-core machine. */
const ANSWER_BOUND_MS = 2000;
const FETCHES = 1000;
const CUT_AFTER = 300;
const DEV = { authorization: 'Bearer dev' };

describeWithFirestore('storage outage in the middle of a burst', () => {
  const projectId = newProjectId();
  let outage: Outage;
  let service: RunningBundle;
  let linkId: string;
  let pixelUrl: string;

  beforeAll(async () => {
    outage = await startOutageRelay(emulatorHost);
    service = await startBundle(buildBundle(), {
      TOKEN_KEYS: TEST_TOKEN_KEYS,
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: outage.host,
      STORE_TIMEOUT_MS: String(STORE_TIMEOUT_MS),
      API_STORE_TIMEOUT_MS: String(API_STORE_TIMEOUT_MS),
      DEV_IDENTITY: 'on',
      LOG_LEVEL: 'debug',
    });
    const minted = await fetch(`${service.base}/v1/links`, {
      method: 'POST',
      headers: { ...DEV, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Sent during an outage' }),
    });
    const body = await minted.text();
    if (minted.status !== 201) throw new Error(`mint failed: ${minted.status} ${body}`);
    ({ id: linkId, pixelUrl } = JSON.parse(body) as { id: string; pixelUrl: string });
  }, 60_000);
  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await outage?.close();
  });

  const storedIds = async () => {
    const snap = await rawFirestore(projectId).collection(`links/${linkId}/fetches`).get();
    return new Set(snap.docs.map((doc) => doc.id));
  };
  const logged = (message: string) => service.logLines().filter((line) => line.message === message);
  const receivedIds = () => logged('fetch received').map((line) => String(line.fetchId));
  const deadLetters = () => logged('fetch dead-lettered');

  it('answers every fetch with the GIF in time and accounts for each one', async () => {
    const urls = Array.from({ length: FETCHES }, () => pixelUrl);
    const cut = { done: Promise.resolve() };
    const answers = await burst({
      urls,
      connections: 100,
      onAnswer: (answered) => {
        if (answered === CUT_AFTER) cut.done = outage.cut();
      },
    });
    await cut.done;

    expect(answers.filter((a) => a.status !== 200 || !a.body.equals(PIXEL_GIF))).toEqual([]);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(ANSWER_BOUND_MS);

    // Log lines travel through a pipe and may trail the last answers a little.
    await waitFor(async () => receivedIds().length >= FETCHES, 5000).catch(() => {});
    const received = receivedIds();
    expect(received).toHaveLength(FETCHES);
    const lost = deadLetters();
    expect(lost.length).toBeGreaterThan(FETCHES / 2);
    for (const line of lost) {
      expect(line.severity).toBe('ERROR');
      expect(line.deadLetter).toMatchObject({
        fetch: { linkId, method: 'GET', at: expect.any(Number), ipPrefix: expect.any(String) },
      });
    }
    // A commit whose answer was cut off may have been applied: such a fetch
    // is both stored and dead-lettered, which re-ingesting makes harmless.
    const accounted = async () => {
      const ids = new Set([...(await storedIds()), ...deadLetters().map(deadLetterId)]);
      return [...ids].sort();
    };
    await waitFor(async () => (await accounted()).length >= FETCHES, 5000).catch(() => {});
    expect((await storedIds()).size).toBeGreaterThan(0);
    expect(await accounted()).toEqual([...received].sort());
  }, 120_000);

  it('reports the outage on readiness and answers the API with 503 in time', async () => {
    const ready = await fetch(`${service.base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', storage: 'down' });

    for (const path of [`/v1/links/${linkId}`, '/v1/links', '/v1/me/settings']) {
      const started = Date.now();
      const answer = await fetch(`${service.base}${path}`, { headers: DEV });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'storage is unavailable right now; try again in a minute',
      });
      expect(Date.now() - started).toBeLessThan(API_STORE_TIMEOUT_MS + ANSWER_BOUND_MS);
    }
  }, 30_000);

  it('recovers by itself once storage is back', async () => {
    await outage.restore();
    await waitFor(async () => (await fetch(`${service.base}/readyz`)).status === 200, 30_000);
    const before = { received: receivedIds().length, lost: deadLetters().length };

    await burst({ urls: Array.from({ length: 200 }, () => pixelUrl), connections: 20 });
    await waitFor(async () => receivedIds().length >= before.received + 200, 5000);
    const fresh = receivedIds().slice(before.received);
    const stored = await storedIds();
    expect(fresh.filter((id) => !stored.has(id))).toEqual([]);
    expect(deadLetters().length).toBe(before.lost);
    expect((await fetch(`${service.base}/v1/links/${linkId}`, { headers: DEV })).status).toBe(200);
  }, 60_000);

  it('re-ingests the dead letters from the log; a second run stores nothing twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailping-dead-')), 'service.log');
    writeFileSync(file, service.output());
    const run = () =>
      execFileSync('npx', ['tsx', 'pixel-service/src/reingest-cli.ts', file], {
        env: {
          ...process.env,
          GOOGLE_CLOUD_PROJECT: projectId,
          FIRESTORE_EMULATOR_HOST: emulatorHost,
        },
        encoding: 'utf8',
      });

    expect(run()).toContain(`stored ${deadLetters().length} dead-lettered fetches`);
    expect((await storedIds()).size).toBe(FETCHES + 200);
    run();
    const stored = await storedIds();
    expect(stored.size).toBe(FETCHES + 200);
    expect([...stored].sort()).toEqual(receivedIds().sort());
  }, 60_000);
});

function deadLetterId(line: Record<string, unknown>): string {
  return String((line.deadLetter as { fetch: { id: string } }).fetch.id);
}
