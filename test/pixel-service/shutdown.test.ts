/**
 * The built bundle, started with node as Cloud Run starts it, drains on
 * SIGTERM: every fetch the service received is stored before it exits. The
 * service logs each received fetch id at debug level, so the test compares
 * what was received with what was stored, id by id.
 */
import { get } from 'node:http';
import { parseTokenKeys } from '../../pixel-service/src/config';
import { PIXEL_GIF } from '../../pixel-service/src/gif';
import { signToken } from '../../pixel-service/src/token';
import { buildBundle, type RunningBundle, startBundle } from '../support/bundle';
import {
  describeWithFirestore,
  emulatorHost,
  newProjectId,
  rawFirestore,
} from '../support/firestore';
import { TEST_TOKEN_KEYS } from '../support/service';

const CLIENT_IP = '203.0.113.9';
const FETCHES = 400;
const CONCURRENCY = 40;

describeWithFirestore('the built service under SIGTERM', () => {
  const projectId = newProjectId();
  let service: RunningBundle;

  beforeAll(async () => {
    service = await startBundle(buildBundle(), {
      TOKEN_KEYS: TEST_TOKEN_KEYS,
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulatorHost,
      TRUSTED_PROXY_HOPS: '1',
      STORE_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'debug',
    });
  }, 60_000);
  afterAll(() => {
    service.child.kill('SIGKILL');
  });

  it('stores every fetch it received, then exits cleanly', async () => {
    const linkId = 'BBBBBBBBBBBBBBBBBBBBBB';
    const url = `${service.base}/p/${signToken(parseTokenKeys(TEST_TOKEN_KEYS), linkId)}.gif`;
    const exited = new Promise<number | null>((resolve) => service.child.once('exit', resolve));
    let sent = 0;
    let inFlight = 0;
    let inFlightAtSigterm = 0;
    const worker = async () => {
      while (sent < FETCHES) {
        sent += 1;
        if (sent === FETCHES / 4) {
          inFlightAtSigterm = inFlight;
          service.child.kill('SIGTERM');
        }
        inFlight += 1;
        const body = await fetchGif(url);
        inFlight -= 1;
        if (typeof body !== 'string') expect(body.equals(PIXEL_GIF)).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await exited).toBe(0);

    const stored = await rawFirestore(projectId).collection(`links/${linkId}/fetches`).get();
    const received = [...service.output().matchAll(/"fetchId":"([\w-]+)"/g)].map(
      (match) => match[1],
    );
    expect(inFlightAtSigterm).toBeGreaterThan(10);
    expect(received.length).toBeGreaterThan(FETCHES / 8);
    expect(stored.docs.map((doc) => doc.id).sort()).toEqual(received.sort());
    expect(service.output()).toContain('draining before exit');
    expect(service.output()).not.toContain(CLIENT_IP);
  }, 60_000);
});

/**
 * One fetch on its own connection, as a proxy would make it. A refused
 * connection never reached the service; any other failure is a lost fetch.
 */
function fetchGif(url: string): Promise<Buffer | 'refused' | 'lost'> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, headers: { 'x-forwarded-for': CLIENT_IP } });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', () => resolve('lost'));
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'lost'),
    );
  });
}
