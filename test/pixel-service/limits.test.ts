/**
 * The abuse limits: the daily cap on stored fetches, per-user rate limits,
 * the body size limit, security headers on the API and no CORS for strangers.
 */
import type { FastifyInstance } from 'fastify';
import {
  type OperationCounter,
  startOperationCounter,
} from '../../pixel-service/dev/operation-counter';
import { buildApp } from '../../pixel-service/src/app';
import type { Config } from '../../pixel-service/src/config';
import { devIdentity } from '../../pixel-service/src/identity';
import {
  describeWithFirestore,
  emulatorHost,
  newProjectId,
  rawFirestore,
  resetProject,
  testStore,
} from '../support/firestore';
import { ALICE, BOB } from '../support/fixtures';
import { testConfig } from '../support/service';

const PREVIEW = 'http://127.0.0.1:5173';
const STRANGER = 'https://evil.example';
const DAY_ONE = Date.parse('2026-12-01T10:00:00Z');

describeWithFirestore('abuse limits', () => {
  const projectId = newProjectId();
  let clock = DAY_ONE;
  let counter: OperationCounter;
  const apps: FastifyInstance[] = [];

  const start = async (overrides: Partial<Config> = {}) => {
    const app = await buildApp(testConfig({ projectId, ...overrides }), {
      store: testStore(projectId, { host: counter.host }),
      verifyIdentity: devIdentity(),
      now: () => clock,
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    counter = await startOperationCounter(emulatorHost);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await counter.close();
  });
  beforeEach(async () => {
    clock = DAY_ONE;
    await resetProject(projectId);
  });

  const mint = async (app: FastifyInstance) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: ALICE,
      payload: { label: 'Offer letter' },
    });
    return response.json() as { id: string; pixelUrl: string };
  };

  describe('daily cap on stored fetches', () => {
    it('beyond the cap counts fetches without storing them, and the timeline says how many', async () => {
      const app = await start({ dailyFetchCap: 3 });
      const { id, pixelUrl } = await mint(app);
      const path = new URL(pixelUrl).pathname;
      counter.reset();
      for (let i = 0; i < 8; i += 1) {
        const response = await app.inject({ url: path, headers: { 'user-agent': 'Thunderbird' } });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('image/gif');
      }
      expect(counter.counts()).toEqual({ Commit: 8 });

      const stored = await rawFirestore(projectId).collection(`links/${id}/fetches`).get();
      expect(stored.size).toBe(3);
      const detail = (await app.inject({ url: `/v1/links/${id}`, headers: ALICE })).json();
      expect(detail.timeline.notices).toContain('cap:daily-fetches:5');
    });

    it('starts again the next day', async () => {
      const app = await start({ dailyFetchCap: 2 });
      const { id, pixelUrl } = await mint(app);
      const path = new URL(pixelUrl).pathname;
      for (let i = 0; i < 3; i += 1) await app.inject({ url: path });
      clock += 86_400_000;
      for (let i = 0; i < 2; i += 1) await app.inject({ url: path });

      const stored = await rawFirestore(projectId).collection(`links/${id}/fetches`).get();
      expect(stored.size).toBe(4);
      const detail = (await app.inject({ url: `/v1/links/${id}`, headers: ALICE })).json();
      expect(detail.timeline.notices).toContain('cap:daily-fetches:1');
    });

    it('adds no notice to a link within the cap', async () => {
      const app = await start({ dailyFetchCap: 5 });
      const { id, pixelUrl } = await mint(app);
      await app.inject({ url: new URL(pixelUrl).pathname });
      const detail = (await app.inject({ url: `/v1/links/${id}`, headers: ALICE })).json();
      expect(detail.timeline.notices.filter((n: string) => n.startsWith('cap:'))).toEqual([]);
    });
  });

  it('limits each user separately and says when to retry', async () => {
    const app = await start({ apiRatePerMinute: 3 });
    const list = (headers: Record<string, string>) => app.inject({ url: '/v1/links', headers });
    for (let i = 0; i < 3; i += 1) expect((await list(ALICE)).statusCode).toBe(200);

    const refused = await list(ALICE);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/at most 3 requests a minute per user; retry in/);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await list(BOB)).statusCode).toBe(200);
  });

  it('counts every API route against the same per-user limit', async () => {
    const app = await start({ apiRatePerMinute: 3 });
    const get = (url: string) => app.inject({ url, headers: ALICE });
    expect((await get('/v1/me/settings')).statusCode).toBe(200);
    expect((await get('/v1/links')).statusCode).toBe(200);
    expect((await get('/v1/me/export')).statusCode).toBe(200);

    for (const url of ['/v1/me/settings', '/v1/me/export', '/v1/links']) {
      expect((await get(url)).statusCode).toBe(429);
    }
  });

  it('refuses a 10 MB body with 413 before reading it', async () => {
    const app = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { ...ALICE, 'content-type': 'application/json' },
      payload: `{"label":"${'x'.repeat(10 * 1024 * 1024)}"}`,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/body/i);
  });

  it('sends security headers on the API and leaves the pixel as it was', async () => {
    const app = await start();
    const api = await app.inject({ url: '/v1/links', headers: ALICE });
    expect(api.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');

    const pixel = await app.inject({ url: '/p/anything.gif' });
    expect(Object.keys(pixel.headers).sort()).toEqual([
      'cache-control',
      'connection',
      'content-length',
      'content-type',
      'date',
      'expires',
      'pragma',
    ]);
  });

  describe('CORS', () => {
    const preflight = (app: FastifyInstance, origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/v1/links',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });

    it('admits no browser origin by default', async () => {
      const app = await start();
      const answer = await preflight(app, STRANGER);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const get = await app.inject({ url: '/v1/links', headers: { ...ALICE, origin: PREVIEW } });
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('admits the local preview, and only it, when configured', async () => {
      const app = await start({ devIdentity: true, previewOrigin: PREVIEW });
      expect((await preflight(app, PREVIEW)).headers['access-control-allow-origin']).toBe(PREVIEW);
      const stranger = await preflight(app, STRANGER);
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
      const get = await app.inject({ url: '/v1/links', headers: { ...ALICE, origin: PREVIEW } });
      expect(get.headers['access-control-allow-origin']).toBe(PREVIEW);
    });
  });
});
