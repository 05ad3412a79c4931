/**
 * Requests no route takes: a known path with another method gets 405 and the
 * methods it takes, an unknown path gets 404, and neither repeats the URL.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import type { Config } from '../../pixel-service/src/config';
import { devIdentity } from '../../pixel-service/src/identity';
import { signToken } from '../../pixel-service/src/token';
import { newProjectId, testStore } from '../support/firestore';
import { ALICE } from '../support/fixtures';
import { testConfig } from '../support/service';

const PREVIEW = 'http://127.0.0.1:5173';
const LINK_ID = 'notFoundAAAAAAAAAAAAAA';

describe('requests no route takes', () => {
  const config = testConfig();
  const token = signToken(config.tokenKeys, LINK_ID);
  let app: FastifyInstance;
  // Admitting the local preview adds a CORS preflight route for every /v1 path.
  let withPreview: FastifyInstance;

  const build = (overrides: Partial<Config>) =>
    buildApp(testConfig(overrides), {
      store: testStore(newProjectId()),
      verifyIdentity: devIdentity(),
    });
  beforeAll(async () => {
    app = await build({});
    withPreview = await build({ devIdentity: true, previewOrigin: PREVIEW });
  });
  afterAll(() => Promise.all([app.close(), withPreview.close()]));

  it.each([
    ['PUT', '/v1/links', 'GET, HEAD, POST'],
    ['DELETE', '/v1/me/settings', 'GET, HEAD, PUT'],
    ['PUT', '/v1/links/someLinkId', 'DELETE, GET, HEAD'],
    ['GET', '/v1/links/someLinkId/signals?x=1', 'POST'],
    ['PATCH', '/v1/me', 'DELETE'],
    ['POST', '/healthz', 'GET, HEAD'],
  ])('answers %s %s with 405 allowing %s', async (method, url, allow) => {
    const response = await app.inject({ method: method as 'GET', url, headers: ALICE });

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(response.json()).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      message: `${method} is not allowed here; use ${allow}`,
    });
  });

  it('lists the preflight among the allowed methods when the preview may call', async () => {
    const response = await withPreview.inject({ method: 'PUT', url: '/v1/links', headers: ALICE });

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS, POST');
  });

  it('refuses a URL it cannot decode without quoting it', async () => {
    const optOut = signToken(config.tokenKeys, LINK_ID);
    const response = await app.inject({ method: 'GET', url: `/o/${optOut}%zz` });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'malformed URL: it cannot be decoded',
    });
    expect(response.body).not.toContain(optOut);
  });

  it('still answers the preview preflight on an API path', async () => {
    const response = await withPreview.inject({
      method: 'OPTIONS',
      url: '/v1/me/settings',
      headers: { origin: PREVIEW, 'access-control-request-method': 'PUT' },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(PREVIEW);
  });

  it.each([
    ['an unknown API path', 'DELETE', `/v1/nothing/${token}`],
    ['a known path with a trailing slash', 'PUT', `/v1/links/${token}/`],
    ['an id past the router limit', 'PATCH', `/v1/links/${'a'.repeat(300)}`],
    ['an unknown page', 'POST', `/nothing/${token}`],
  ])('answers %s with 404, repeating nothing', async (_name, method, url) => {
    for (const instance of [app, withPreview]) {
      const response = await instance.inject({ method: method as 'GET', url });

      expect(response.statusCode).toBe(404);
      expect(response.headers.allow).toBeUndefined();
      expect(response.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'no such route',
      });
    }
  });

  it.each(['PUT', 'DELETE', 'PATCH'])(
    'answers %s on a pixel URL with the image',
    async (method) => {
      const response = await app.inject({ method: method as 'GET', url: `/p/${token}.gif` });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/gif');
      expect(response.headers.allow).toBeUndefined();
    },
  );
});
