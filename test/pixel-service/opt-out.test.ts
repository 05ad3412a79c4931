import type { Firestore } from '@google-cloud/firestore';
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
import { ALICE, BROWSER_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describeWithFirestore('recipient opt-out', () => {
  const projectId = newProjectId();
  const config = testConfig({ projectId });
  const clock = Date.parse('2026-12-01T10:00:00Z');
  let db: Firestore;
  let app: FastifyInstance;
  /** A second instance of the service, which learns of opt-outs only on refresh. */
  let other: FastifyInstance;

  const build = () =>
    buildApp(config, {
      store: testStore(projectId),
      verifyIdentity: devIdentity(),
      now: () => clock,
    });

  beforeAll(async () => {
    db = rawFirestore(projectId);
    app = await build();
    other = await build();
  });
  afterAll(async () => {
    await app.close();
    await other.close();
  });
  beforeEach(() => resetProject(projectId));

  const api = (method: string, url: string, payload?: object) =>
    app.inject({ method: method as 'GET', url: `/v1${url}`, headers: ALICE, payload });

  async function mint(optOut = true) {
    await api('PUT', '/me/settings', { recipientOptOut: optOut });
    return (await api('POST', '/links', { label: 'Offer letter' })).json();
  }

  const fetchPixel = (service: FastifyInstance, pixelUrl: string) =>
    service.inject({ url: new URL(pixelUrl).pathname, headers: { 'user-agent': BROWSER_UA } });
  const fetchCount = async (id: string) => (await db.collection(`links/${id}/fetches`).get()).size;

  it('puts a plain opt-out link under the pixel only when the setting is on', async () => {
    const offered = await mint(true);
    const plain = await mint(false);

    const token = new URL(offered.pixelUrl).pathname.slice(3, -4);
    expect(offered.optOutUrl).toBe(`http://pixel.test/o/${token}`);
    expect(offered.html).toContain(`Read receipt requested — <a href="${offered.optOutUrl}"`);
    expect(offered.html).toContain('>opt out</a>');
    expect(plain.optOutUrl).toBeUndefined();
    expect(plain.html).not.toContain('opt out');
  });

  it('shows a page with a button, and opening it changes nothing', async () => {
    const link = await mint();
    await fetchPixel(app, link.pixelUrl);

    const page = await app.inject({ url: new URL(link.optOutUrl).pathname });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(
      '<form method="post"><button type="submit">Opt out</button></form>',
    );
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(await fetchCount(link.id)).toBe(1);
    expect((await db.doc(`links/${link.id}`).get()).get('optedOutAt')).toBeUndefined();
  });

  it('opts out on the button: deletes what was recorded, records nothing more, tells the sender', async () => {
    const link = await mint();
    await fetchPixel(app, link.pixelUrl);
    const path = new URL(link.optOutUrl).pathname;

    const done = await app.inject({ method: 'POST', url: path, headers: FORM, payload: '' });
    await fetchPixel(app, link.pixelUrl);

    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You have opted out');
    expect(await fetchCount(link.id)).toBe(0);
    const detail = (await api('GET', `/links/${link.id}`)).json();
    expect(detail.timeline.notices).toContain('link:opted-out');
    expect(detail.timeline.events.filter((e: { kind: string }) => e.kind !== 'inserted')).toEqual(
      [],
    );
    expect((await app.inject({ url: path })).body).toContain('You have opted out');
  });

  it('stops recording on another instance once it refreshes its list', async () => {
    const link = await mint();
    await app.inject({ method: 'POST', url: new URL(link.optOutUrl).pathname });

    await other.optOuts.refresh();
    const answer = await fetchPixel(other, link.pixelUrl);

    expect(answer.headers['content-type']).toBe('image/gif');
    expect(await fetchCount(link.id)).toBe(0);
  });

  it('deletes a fetch stored in the gap before another instance refreshed, when the timeline is read', async () => {
    const link = await mint();
    await app.inject({ method: 'POST', url: new URL(link.optOutUrl).pathname });
    const fresh = await build();
    await fetchPixel(fresh, link.pixelUrl);
    await fresh.close();
    expect(await fetchCount(link.id)).toBe(1);

    const detail = (await api('GET', `/links/${link.id}`)).json();

    expect(detail.link.opens).toBe(0);
    expect(await fetchCount(link.id)).toBe(0);
  });

  it('refuses a forged opt-out link with a plain page, changing nothing', async () => {
    const link = await mint();
    const forged = `${new URL(link.optOutUrl).pathname.slice(0, -3)}abc`;

    const response = await app.inject({ method: 'POST', url: forged });

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('This opt-out link is not valid');
    expect((await db.collection('optOuts').get()).size).toBe(0);
  });
});
