/**
 * Load over real HTTP on loopback against the service and the emulator:
 * every answer is the GIF and every fetch is stored, counted link by link.
 * Nothing here asserts on speed; the benchmark measures that.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { PIXEL_GIF } from '../../pixel-service/src/gif';
import { devIdentity } from '../../pixel-service/src/identity';
import { signToken } from '../../pixel-service/src/token';
import { type Answer, burst } from '../support/burst';
import { describeWithFirestore, newProjectId, rawFirestore, testStore } from '../support/firestore';
import { GMAIL_PROXY_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const CONNECTIONS = 100;

/** A link id of the token alphabet, distinct for each index. */
const linkIdOf = (index: number) => `load${String(index).padStart(18, '0')}`;

describeWithFirestore('the service under load', () => {
  const projectId = newProjectId();
  const config = testConfig({ projectId, dailyFetchCap: 1_000_000 });
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = await buildApp(config, { store: testStore(projectId), verifyIdentity: devIdentity() });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  const pixelUrl = (linkId: string) => `${base}/p/${signToken(config.tokenKeys, linkId)}.gif`;
  const headers = { 'user-agent': GMAIL_PROXY_UA, 'x-forwarded-for': '66.249.84.77' };

  const storedCounts = async () => {
    const counts = new Map<string, number>();
    const snap = await rawFirestore(projectId).collectionGroup('fetches').select('linkId').get();
    for (const doc of snap.docs) {
      const linkId = String(doc.get('linkId'));
      counts.set(linkId, (counts.get(linkId) ?? 0) + 1);
    }
    return counts;
  };

  function expectAllGifs(answers: Answer[], sent: number) {
    expect(answers).toHaveLength(sent);
    const wrong = answers.filter((a) => a.status !== 200 || !a.body.equals(PIXEL_GIF));
    expect(wrong).toEqual([]);
  }

  it('stores every one of 5,000 fetches of one hot link and counts them exactly', async () => {
    const minted = await app.inject({
      method: 'POST',
      url: '/v1/links',
      headers: { authorization: 'Bearer dev' },
      payload: { label: 'Forwarded to a large list' },
    });
    const { id, pixelUrl } = minted.json() as { id: string; pixelUrl: string };
    const linkDoc = rawFirestore(projectId).doc(`links/${id}`);
    const before = await linkDoc.get();
    const urls = Array.from({ length: 5000 }, () => `${base}${new URL(pixelUrl).pathname}`);
    expectAllGifs(await burst({ urls, connections: CONNECTIONS, headers }), 5000);

    expect((await storedCounts()).get(id)).toBe(5000);
    // Nothing shared by the link's fetches was written: not the link, no counter.
    expect((await linkDoc.get()).updateTime).toEqual(before.updateTime);
    expect((await linkDoc.listCollections()).map((ref) => ref.id)).toEqual(['fetches']);
    const detail = await app.inject({
      url: `/v1/links/${id}`,
      headers: { authorization: 'Bearer dev' },
    });
    const { timeline } = detail.json() as {
      timeline: { events: { fetches: number }[]; ignored: unknown[] };
    };
    const covered = timeline.events.reduce((sum, event) => sum + event.fetches, 0);
    expect(covered + timeline.ignored.length).toBe(5000);
  }, 180_000);

  it('stores 20,000 fetches across 200 links, the count equal link by link', async () => {
    const urls = Array.from({ length: 20_000 }, (_, i) => pixelUrl(linkIdOf(i % 200)));
    expectAllGifs(await burst({ urls, connections: CONNECTIONS, headers }), 20_000);

    const counts = await storedCounts();
    const mismatched = Array.from({ length: 200 }, (_, i) => linkIdOf(i)).filter(
      (linkId) => counts.get(linkId) !== 100,
    );
    expect(mismatched).toEqual([]);
  }, 300_000);
});
