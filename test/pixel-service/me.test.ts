import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import { allDocuments } from '../support/documents';
import {
  describeWithFirestore,
  newProjectId,
  rawFirestore,
  resetProject,
  testStore,
} from '../support/firestore';
import { ALICE, BOB, BROWSER_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const START = Date.parse('2026-12-01T10:00:00Z');

describeWithFirestore('my data: settings, export, deletion', () => {
  const projectId = newProjectId();
  let clock = START;
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp(testConfig({ projectId }), {
      store: testStore(projectId),
      verifyIdentity: devIdentity(),
      now: () => clock,
    });
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    clock = START;
    await resetProject(projectId);
  });

  const api = (method: string, url: string, headers = ALICE, payload?: object) =>
    app.inject({ method: method as 'GET', url: `/v1${url}`, headers, payload });

  async function mintWithActivity(headers = ALICE, recipients = ['reader@example.org']) {
    const link = (
      await api('POST', '/links', headers, { label: 'Offer letter', recipients })
    ).json();
    await api('POST', `/links/${link.id}/signals`, headers, { type: 'inserted' });
    await app.inject({
      url: new URL(link.pixelUrl).pathname,
      headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': '203.0.113.77' },
    });
    return link;
  }

  it('starts from the default settings', async () => {
    const response = await api('GET', '/me/settings');
    expect(response.json()).toEqual({ retentionDays: 90, recipientOptOut: false });
  });

  it('keeps each setting it is given and leaves the other alone', async () => {
    await api('PUT', '/me/settings', ALICE, { recipientOptOut: true });
    await api('PUT', '/me/settings', ALICE, { retentionDays: 30 });

    expect((await api('GET', '/me/settings')).json()).toEqual({
      retentionDays: 30,
      recipientOptOut: true,
    });
    expect((await api('GET', '/me/settings', BOB)).json().retentionDays).toBe(90);
  });

  it.each([
    [{ retentionDays: 60 }, 'body/retentionDays'],
    [{ recipientOptOut: 'yes' }, 'body/recipientOptOut'],
    [{ colour: 'blue' }, 'unknown field "colour"'],
  ])('refuses the settings %j with 400', async (body, message) => {
    const response = await api('PUT', '/me/settings', ALICE, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(message);
  });

  it('exports all of my data as one document, and none of anyone else’s', async () => {
    const link = await mintWithActivity();
    await mintWithActivity(BOB, ['someone@example.net']);

    const exported = (await api('GET', '/me/export')).json();

    expect(exported).toMatchObject({
      exportedAt: '2026-12-01T10:00:00.000Z',
      account: 'dev:alice',
      settings: { retentionDays: 90, recipientOptOut: false },
    });
    expect(exported.links).toHaveLength(1);
    expect(exported.links[0]).toMatchObject({
      id: link.id,
      label: 'Offer letter',
      recipients: ['reader@example.org'],
      retentionDays: 90,
      optedOutAt: null,
      signals: [{ type: 'inserted', expireAt: '2027-03-01T10:00:00.000Z' }],
    });
    expect(exported.links[0].fetches).toEqual([
      expect.objectContaining({ userAgent: BROWSER_UA, ipPrefix: '203.0.113.0/24' }),
    ]);
    expect(JSON.stringify(exported)).not.toContain('203.0.113.77');
  });

  it('serves the export through a short-lived signed link without the ID token', async () => {
    await mintWithActivity();
    const link = (await api('POST', '/me/export-link')).json();
    expect(link.expiresAt).toBe('2026-12-01T10:10:00.000Z');
    const path = new URL(link.url).pathname;

    const download = await app.inject({ url: path });

    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('mailping-export.json');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.json()).toMatchObject({
      account: 'dev:alice',
      links: [{ label: 'Offer letter' }],
    });

    clock += 10 * 60_000;
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it('refuses an export link whose account was changed', async () => {
    const { url } = (await api('POST', '/me/export-link')).json();
    const [keyId, , mac] = new URL(url).pathname.split('/').at(-1)?.split('.') ?? [];
    const forged = Buffer.from(JSON.stringify({ sub: 'dev:bob', exp: START + 60_000 }));

    const response = await app.inject({
      url: `/export/${keyId}.${forged.toString('base64url')}.${mac}`,
    });

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('dev:bob');
  });

  it('deletes every trace of me — links, fetches, signals, settings, opt-outs — and keeps Bob’s', async () => {
    const mine = await mintWithActivity();
    await mintWithActivity();
    const bobs = await mintWithActivity(BOB);
    await api('PUT', '/me/settings', ALICE, { retentionDays: 365, recipientOptOut: true });
    await api('PUT', '/me/settings', BOB, { retentionDays: 30 });
    const optOut = await mintWithActivity();
    await app.inject({ method: 'POST', url: new URL(optOut.optOutUrl).pathname });
    const before = await allDocuments(rawFirestore(projectId));
    expect(before.some((doc) => doc.path === `optOuts/${optOut.id}`)).toBe(true);

    expect((await api('DELETE', '/me')).statusCode).toBe(204);

    const left = await allDocuments(rawFirestore(projectId));
    const paths = left.map((doc) => doc.path.replace(/\/(fetches|signals)\/.+$/, '/$1/*'));
    expect(paths.sort()).toEqual(
      [
        `links/${bobs.id}`,
        `links/${bobs.id}/fetches/*`,
        `links/${bobs.id}/signals/*`,
        'settings/dev:bob',
      ].sort(),
    );
    expect(JSON.stringify(left)).not.toContain('dev:alice');
    expect(JSON.stringify(left)).not.toContain(mine.id);
    expect((await api('GET', '/me/settings')).json()).toEqual({
      retentionDays: 90,
      recipientOptOut: false,
    });
  });
});
