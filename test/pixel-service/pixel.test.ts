import type { FastifyInstance } from 'fastify';
import {
  type OperationCounter,
  startOperationCounter,
} from '../../pixel-service/dev/operation-counter';
import { buildApp } from '../../pixel-service/src/app';
import { PIXEL_GIF } from '../../pixel-service/src/gif';
import { devIdentity } from '../../pixel-service/src/identity';
import type { Store } from '../../pixel-service/src/store';
import { signToken } from '../../pixel-service/src/token';
import {
  describeWithFirestore,
  emulatorHost,
  newProjectId,
  rawFirestore,
  resetProject,
  testStore,
} from '../support/firestore';
import { GMAIL_PROXY_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const CLIENT_IP = '66.249.84.77';
const LINK_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describeWithFirestore('pixel route', () => {
  const projectId = newProjectId();
  const config = testConfig({ projectId });
  const token = signToken(config.tokenKeys, LINK_ID);
  let counter: OperationCounter;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    counter = await startOperationCounter(emulatorHost);
    store = testStore(projectId, { host: counter.host });
    app = await buildApp(config, { store, verifyIdentity: devIdentity() });
  });
  afterAll(async () => {
    await app.close();
    await counter.close();
  });
  beforeEach(async () => {
    await resetProject(projectId);
    counter.reset();
  });

  const storedFetches = async () => {
    const snap = await rawFirestore(projectId).collectionGroup('fetches').get();
    return snap.docs.map((doc) => doc.data());
  };

  const fetchPixel = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    app.inject({
      method: method as 'GET',
      url: path,
      headers: { 'user-agent': GMAIL_PROXY_UA, 'x-forwarded-for': CLIENT_IP, ...headers },
    });

  function expectGif(response: Awaited<ReturnType<typeof fetchPixel>>) {
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PIXEL_GIF)).toBe(true);
    expect(response.headers['content-type']).toBe('image/gif');
    expect(response.headers['cache-control']).toBe(
      'no-cache, no-store, must-revalidate, private, max-age=0',
    );
    expect(response.headers.pragma).toBe('no-cache');
    expect(response.headers.expires).toBe('0');
    expect(response.headers['set-cookie']).toBeUndefined();
  }

  it('serves the canonical 43-byte GIF', async () => {
    expect(PIXEL_GIF.length).toBe(43);
    expectGif(await fetchPixel(`/p/${token}.gif`));
  });

  it('stores a genuine fetch with the classifier headers and only the /24 prefix', async () => {
    const response = await fetchPixel(`/p/${token}.gif`, {
      accept: 'image/webp,*/*',
      via: '1.1 ggpht.com',
      'if-none-match': '"x"',
      cookie: 'not=kept',
    });
    expectGif(response);
    const [fetch, ...others] = await storedFetches();
    expect(others).toHaveLength(0);
    expect(fetch).toMatchObject({
      linkId: LINK_ID,
      method: 'GET',
      userAgent: GMAIL_PROXY_UA,
      ipPrefix: '66.249.84.0/24',
      network: 'google',
      headers: { accept: 'image/webp,*/*', via: '1.1 ggpht.com', 'if-none-match': '"x"' },
    });
    expect(fetch?.headers.cookie).toBeUndefined();
    // Provisional: the shortest retention, until the sweep applies the owner's.
    expect(fetch?.expireAt.toMillis() - fetch?.at.toMillis()).toBe(30 * 86_400_000);
    expect(fetch?.provisional).toBe(true);
    expect(JSON.stringify(fetch)).not.toContain(CLIENT_IP);
  });

  it('commits a fetch in exactly one write and reads nothing', async () => {
    await fetchPixel(`/p/${token}.gif`);
    expect(counter.counts()).toEqual({ Commit: 1 });
  });

  it.each([
    ['a forged MAC', `/p/${token.slice(0, -3)}abc.gif`],
    ['a truncated token', `/p/${token.slice(0, 20)}.gif`],
    ['garbage', '/p/%00%ff..garbage.gif'],
    ['an oversized token', `/p/${'x'.repeat(5000)}.gif`],
    ['no token', '/p/'],
    ['an unknown key id', `/p/zz${token.slice(2)}.gif`],
  ])('answers %s with the GIF, storing and reading nothing', async (_name, path) => {
    expectGif(await fetchPixel(path));
    expect(counter.counts()).toEqual({});
    expect(await storedFetches()).toHaveLength(0);
  });

  it.each([
    ['HEAD', {}, 'HEAD'],
    ['Sec-Purpose: prefetch', { 'sec-purpose': 'prefetch' }, 'GET'],
    ['Purpose: prefetch', { purpose: 'prefetch' }, 'GET'],
    ['X-Purpose: preview', { 'x-purpose': 'preview' }, 'GET'],
    ['X-Moz: prefetch', { 'x-moz': 'prefetch' }, 'GET'],
  ])('serves %s without counting it as a fetch', async (_name, headers, method) => {
    const response = await fetchPixel(`/p/${token}.gif`, headers, method);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/gif');
    expect(await storedFetches()).toHaveLength(0);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])(
    'answers %s on a pixel URL with the GIF, storing nothing',
    async (method) => {
      const response = await fetchPixel(`/p/${token}.gif`, {}, method);
      expectGif(response);
      expect(response.body).not.toContain(token);
      expect(await storedFetches()).toHaveLength(0);
    },
  );

  it('answers an unknown route with a 404 that never repeats the URL', async () => {
    const response = await app.inject({ method: 'POST', url: `/nothing/${token}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'no such route',
    });
  });

  it('believes only the proxy-appended X-Forwarded-For entry', async () => {
    // A client claiming to be Apple's relay and Google's proxy, from a home address.
    const forged = '172.224.226.5, 66.249.84.10';
    await fetchPixel(`/p/${token}.gif`, { 'x-forwarded-for': `${forged}, 198.51.100.23` });
    const [fetch] = await storedFetches();
    expect(fetch).toMatchObject({ ipPrefix: '198.51.100.0/24', network: 'other' });
  });

  it('stores a /48 for IPv6 clients', async () => {
    await fetchPixel(`/p/${token}.gif`, { 'x-forwarded-for': '2001:db8:abcd:12::1' });
    const [fetch] = await storedFetches();
    expect(fetch?.ipPrefix).toBe('2001:db8:abcd::/48');
  });
});
