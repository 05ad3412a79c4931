import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import { newProjectId, testStore } from '../support/firestore';
import { testConfig } from '../support/service';

describe('public pages', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const operator = { name: 'Acme <Mail> Ltd', contact: 'privacy@acme.example' };
    app = await buildApp(testConfig({ operator }), {
      store: testStore(newProjectId()),
      verifyIdentity: devIdentity(),
    });
  });
  afterAll(() => app.close());

  it.each([
    ['/', 'What MailPing is', 'a Gmail add-on'],
    ['/privacy', 'Privacy policy', 'never stores or logs your full IP address'],
    ['/terms', 'Terms of service', 'not for bulk or marketing email'],
  ])('serves %s as plain HTML naming the operator', async (url, _title, phrase) => {
    const response = await app.inject({ url });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(phrase);
    expect(response.body).toContain('Acme &lt;Mail&gt; Ltd');
    expect(response.body).not.toContain('<Mail>');
    expect(response.body).not.toMatch(/<script|https?:\/\//i);
  });

  it('states every retention choice and how a recipient opts out', async () => {
    const body = (await app.inject({ url: '/privacy' })).body;

    expect(body).toMatch(/30, 90 or 365\s+days/);
    expect(body).toContain('privacy@acme.example');
    expect(body).toContain('/24 for IPv4, /48 for IPv6');
    expect(body).toMatch(/one click\s+stops recording/);
  });
});
