import type { Firestore } from '@google-cloud/firestore';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../pixel-service/src/app';
import { devIdentity } from '../../pixel-service/src/identity';
import type { Store } from '../../pixel-service/src/store';
import { sweep } from '../../pixel-service/src/sweep';
import {
  describeWithFirestore,
  newProjectId,
  rawFirestore,
  resetProject,
  testStore,
} from '../support/firestore';
import { ALICE, BROWSER_UA } from '../support/fixtures';
import { testConfig } from '../support/service';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-12-01T10:00:00Z');

describeWithFirestore('retention', () => {
  const projectId = newProjectId();
  let clock = START;
  let store: Store;
  let db: Firestore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = testStore(projectId);
    db = rawFirestore(projectId);
    app = await buildApp(testConfig({ projectId }), {
      store,
      verifyIdentity: devIdentity(),
      now: () => clock,
    });
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    clock = START;
    await resetProject(projectId);
  });

  const api = (method: string, url: string, payload?: object) =>
    app.inject({ method: method as 'GET', url: `/v1${url}`, headers: ALICE, payload });

  async function mintWithActivity() {
    const link = (await api('POST', '/links', { label: 'Offer letter' })).json();
    await api('POST', `/links/${link.id}/signals`, { type: 'inserted' });
    await app.inject({
      url: new URL(link.pixelUrl).pathname,
      headers: { 'user-agent': BROWSER_UA },
    });
    return link.id as string;
  }

  async function expiries(linkId: string) {
    const read = async (name: string) =>
      (await db.collection(`links/${linkId}/${name}`).get()).docs.map((doc) => ({
        days: (doc.get('expireAt').toMillis() - doc.get('at').toMillis()) / DAY_MS,
        provisional: doc.get('provisional') === true,
      }));
    return { fetches: await read('fetches'), signals: await read('signals') };
  }

  it('stamps a new fetch provisionally with the shortest retention, signals with the owner’s', async () => {
    const id = await mintWithActivity();

    expect(await expiries(id)).toEqual({
      fetches: [{ days: 30, provisional: true }],
      signals: [{ days: 90, provisional: false }],
    });
    expect((await db.doc(`links/${id}`).get()).get('retentionDays')).toBe(90);
  });

  it('re-stamps stored fetches and signals when the owner changes the setting', async () => {
    const id = await mintWithActivity();

    const saved = await api('PUT', '/me/settings', { retentionDays: 365 });

    expect(saved.json()).toEqual({ retentionDays: 365, recipientOptOut: false });
    expect(await expiries(id)).toEqual({
      fetches: [{ days: 365, provisional: false }],
      signals: [{ days: 365, provisional: false }],
    });
    expect((await db.doc(`links/${id}`).get()).get('retentionDays')).toBe(365);
  });

  it('deletes at once what a shorter setting puts past its retention', async () => {
    const id = await mintWithActivity();
    clock += 45 * DAY_MS;
    await api('POST', `/links/${id}/signals`, { type: 'sender-view' });

    await api('PUT', '/me/settings', { retentionDays: 30 });

    expect(await expiries(id)).toEqual({
      fetches: [],
      signals: [{ days: 30, provisional: false }],
    });
  });

  it('gives later links the new retention', async () => {
    await api('PUT', '/me/settings', { retentionDays: 30 });
    const id = await mintWithActivity();

    expect((await expiries(id)).signals).toEqual([{ days: 30, provisional: false }]);
  });

  it('settles provisional fetches in the sweep, and deletes those of deleted links', async () => {
    await api('PUT', '/me/settings', { retentionDays: 365 });
    const kept = await mintWithActivity();
    const deleted = await mintWithActivity();
    await api('DELETE', `/links/${deleted}`);
    // A fetch that arrives after its link was deleted still gets stored: the pixel never reads.
    await store.recordFetch({
      id: 'late-fetch',
      linkId: deleted,
      at: clock,
      method: 'GET',
      userAgent: BROWSER_UA,
      headers: {},
      network: 'other',
      ipPrefix: '198.51.100.0/24',
    });

    const swept = await store.sweep(clock, 100);

    expect(swept).toEqual({ restamped: 1, deleted: 1, more: false });
    expect((await expiries(kept)).fetches).toEqual([{ days: 365, provisional: false }]);
    expect((await db.collectionGroup('fetches').get()).size).toBe(1);
  });

  it('sweeps page by page', async () => {
    for (let i = 0; i < 3; i += 1) await mintWithActivity();

    expect(await store.sweep(clock, 2)).toMatchObject({ restamped: 2, more: true });
    expect(await store.sweep(clock, 2)).toMatchObject({ restamped: 1, more: false });
  });

  it('stops a sweep run at its bound and says it did not finish', async () => {
    for (let i = 0; i < 3; i += 1) await mintWithActivity();
    const bound = { pageSize: 1, maxPages: 2 };

    expect(await sweep(store, () => clock, bound)).toEqual({
      restamped: 2,
      deleted: 0,
      pages: 2,
      finished: false,
    });
    expect(await sweep(store, () => clock, bound)).toMatchObject({ restamped: 1, finished: true });
  });
});
