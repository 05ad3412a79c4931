import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity, googleIdentity } from '../../pixel-service/src/identity';
import { describeWithFirestore, newProjectId, testStore } from '../support/firestore';
import { type GoogleCerts, startGoogleCerts, TEST_AUDIENCE } from '../support/google-certs';
import { testConfig } from '../support/service';

describeWithFirestore('identity on the API', () => {
  const projectId = newProjectId();
  let google: GoogleCerts;
  let app: FastifyInstance;

  beforeAll(async () => {
    google = await startGoogleCerts();
    app = await buildApp(testConfig({ projectId }), {
      store: testStore(projectId),
      verifyIdentity: googleIdentity({ audiences: [TEST_AUDIENCE], certsUrl: google.url }),
    });
  });
  afterAll(async () => {
    await app.close();
    await google.close();
  });

  const listWith = (token: string) =>
    app.inject({ url: '/v1/links', headers: { authorization: `Bearer ${token}` } });

  it('accepts a Google ID token for the add-on’s client id', async () => {
    const response = await listWith(google.idToken());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ links: [], nextCursor: null });
  });

  it('keys users by sub: two tokens of one sub see the same links', async () => {
    const sub = '100000000000000000042';
    const created = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { authorization: `Bearer ${google.idToken({ sub, email: 'a@example.com' })}` },
      payload: { label: 'kept by sub' },
    });
    expect(created.statusCode).toBe(201);
    const listed = await listWith(google.idToken({ sub, email: 'renamed@example.com' }));
    expect(listed.json().links.map((l: { label: string }) => l.label)).toEqual(['kept by sub']);
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['an expired token', () => google.idToken({ iat: now - 7200, exp: now - 3600 })],
    ['a wrong audience', () => google.idToken({ aud: 'someone-else.apps.googleusercontent.com' })],
    ['a wrong issuer', () => google.idToken({ iss: 'https://evil.example' })],
    ['a signature by an unknown key', () => google.idToken({}, { privateKey: google.strangerKey })],
    ['alg none', () => google.idToken({}, { alg: 'none' })],
    ['a tampered payload', () => tamper(google.idToken())],
    ['the development token', () => 'dev:alice'],
    ['garbage', () => 'not-a-jwt'],
  ])('refuses %s with 401', async (_name, token) => {
    const response = await listWith(token());
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toMatch(/identity token/);
  });
});

describe('development identity', () => {
  it('maps dev tokens to named users and nothing else', async () => {
    const verify = devIdentity();
    await expect(verify('dev:alice')).resolves.toEqual({
      sub: 'dev:alice',
      email: 'alice@example.com',
    });
    await expect(verify('dev')).resolves.toMatchObject({ sub: 'dev:developer' });
    await expect(verify('eyJhbGciOi.x.y')).rejects.toThrow();
  });
});

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' }));
  return `${header}.${forged.toString('base64url')}.${signature}`;
}
