import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import {
  describeWithFirestore,
  newProjectId,
  rawFirestore,
  resetProject,
  testStore,
} from '../support/firestore';
import { ALICE, BOB, GMAIL_PROXY_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

describeWithFirestore('links API', () => {
  const projectId = newProjectId();
  let clock = Date.parse('2026-12-01T10:00:00Z');
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp(testConfig({ projectId }), {
      store: testStore(projectId),
      verifyIdentity: devIdentity(),
      now: () => clock,
    });
  });
  afterAll(() => app.close());
  beforeEach(() => resetProject(projectId));

  const api = (method: string, url: string, headers = ALICE, payload?: object) =>
    app.inject({ method: method as 'GET', url: `/v1${url}`, headers, payload });

  const mint = async (body: object = { label: 'Offer letter' }, headers = ALICE) => {
    const response = await api('POST', '/links', headers, body);
    expect(response.statusCode).toBe(201);
    return response.json();
  };

  it('mints a link with a pixel URL and the HTML to insert', async () => {
    const link = await mint({ label: 'Offer letter', recipients: ['reader@example.org'] });
    expect(link.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(link.pixelUrl).toMatch(
      new RegExp(`^http://pixel\\.test/p/t1\\.${link.id}\\.[\\w-]{22}\\.gif$`),
    );
    expect(link.html).toBe(
      `<img src="${link.pixelUrl}" width="1" height="1" alt="" style="border:0;width:1px;height:1px">`,
    );
    expect(link.createdAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('labels a link with the subject when no label is given', async () => {
    const { id } = await mint({ subject: 'Quarterly numbers' });
    const detail = (await api('GET', `/links/${id}`)).json();
    expect(detail.link.label).toBe('Quarterly numbers');
  });

  it('reads back a fetch of the minted pixel in the timeline', async () => {
    const { id, pixelUrl } = await mint({ recipients: ['reader@example.org'] });
    clock += 60_000;
    const pixel = await app.inject({
      url: new URL(pixelUrl).pathname,
      headers: { 'user-agent': GMAIL_PROXY_UA, 'x-forwarded-for': '66.249.84.10' },
    });
    expect(pixel.statusCode).toBe(200);
    const detail = (await api('GET', `/links/${id}`)).json();
    expect(detail.link).toMatchObject({ id, recipients: ['reader@example.org'] });
    expect(detail.timeline.events).toHaveLength(1);
    expect(detail.timeline.events[0].at).toBe('2026-12-01T10:01:00.000Z');
  });

  it('lists my links newest first, page by page', async () => {
    for (const label of ['first', 'second', 'third']) {
      await mint({ label });
      clock += 1000;
    }
    const first = (await api('GET', '/links?limit=2')).json();
    expect(first.links.map((l: { label: string }) => l.label)).toEqual(['third', 'second']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await api('GET', `/links?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.links.map((l: { label: string }) => l.label)).toEqual(['first']);
    expect(second.nextCursor).toBeNull();
    expect(second.links[0]).toMatchObject({ last: null, opens: 0 });
  });

  it('records signals for my link', async () => {
    const { id } = await mint();
    const sent = await api('POST', `/links/${id}/signals`, ALICE, {
      type: 'sent',
      messageAt: '2026-12-01T10:02:00.000Z',
    });
    expect(sent.statusCode).toBe(204);
    const snap = await rawFirestore(projectId).collection(`links/${id}/signals`).get();
    expect(snap.docs.map((doc) => doc.data().type)).toEqual(['sent']);
    expect(snap.docs[0]?.data().messageAt.toDate().toISOString()).toBe('2026-12-01T10:02:00.000Z');
  });

  it('keeps one user away from another user’s link with a plain 404', async () => {
    const { id } = await mint();
    const attempts = [
      api('GET', `/links/${id}`, BOB),
      api('POST', `/links/${id}/signals`, BOB, { type: 'sender-view' }),
      api('DELETE', `/links/${id}`, BOB),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toBe('link not found');
    }
    expect((await api('GET', '/links', BOB)).json().links).toEqual([]);
    expect((await api('GET', `/links/${id}`)).statusCode).toBe(200);
  });

  it('deletes a link with its fetches and signals', async () => {
    const { id, pixelUrl } = await mint();
    await app.inject({
      url: new URL(pixelUrl).pathname,
      headers: { 'x-forwarded-for': '1.2.3.4' },
    });
    await api('POST', `/links/${id}/signals`, ALICE, { type: 'inserted' });
    expect((await api('DELETE', `/links/${id}`)).statusCode).toBe(204);
    expect((await api('GET', `/links/${id}`)).statusCode).toBe(404);
    const db = rawFirestore(projectId);
    expect((await db.collectionGroup('fetches').get()).size).toBe(0);
    expect((await db.collectionGroup('signals').get()).size).toBe(0);
  });

  it('deletes all of my data and none of anyone else’s', async () => {
    await mint({ label: 'mine' });
    await mint({ label: 'mine too' });
    await mint({ label: 'bob’s' }, BOB);
    expect((await api('DELETE', '/me')).statusCode).toBe(204);
    expect((await api('GET', '/links')).json().links).toEqual([]);
    expect((await api('GET', '/links', BOB)).json().links).toHaveLength(1);
  });

  it.each([
    ['a label over 120 characters', { label: 'x'.repeat(121) }, 'body/label'],
    ['51 recipients', { recipients: Array(51).fill('a@example.org') }, 'body/recipients'],
    ['an unknown field', { label: 'ok', colour: 'red' }, 'colour'],
    ['a label of the wrong type', { label: 42 }, 'body/label'],
  ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
    const response = await api('POST', '/links', ALICE, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(field);
  });

  it('refuses a bad cursor, a bad id and a misplaced messageAt with 400', async () => {
    const { id } = await mint();
    expect((await api('GET', '/links?cursor=nonsense')).json().message).toContain('cursor');
    expect((await api('GET', '/links/short')).statusCode).toBe(400);
    const signal = await api('POST', `/links/${id}/signals`, ALICE, {
      type: 'inserted',
      messageAt: '2026-12-01T10:02:00.000Z',
    });
    expect(signal.statusCode).toBe(400);
    expect(signal.json().message).toContain('messageAt');
  });

  it('names the allowed values when a choice is wrong', async () => {
    const { id } = await mint();
    const response = await api('POST', `/links/${id}/signals`, ALICE, { type: 'opened' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(
      'body/type must be one of "inserted", "sent", "sender-view"',
    );
  });

  it.each([
    ['application/xml', '<link/>'],
    ['text/plain', 'hello'],
  ])('tells a client that sends %s what to send instead', async (type, payload) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { ...ALICE, 'content-type': type },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toContain('Content-Type: application/json');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { ...ALICE, 'content-type': 'application/json' },
      payload: JSON.stringify({ label: 'x'.repeat(100_000) }),
    });
    expect(response.statusCode).toBe(413);
  });

  it('refuses a request without an identity with 401', async () => {
    const response = await api('GET', '/links', { authorization: '' });
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toContain('Authorization');
  });
});
