/** Reading dead letters from the service's own lines and from Cloud Logging exports. */

import { readDeadLetters, reingest } from '../../pixel-service/src/reingest';
import type { Fetch } from '../../shared/domain';
import { describeWithFirestore, newProjectId, rawFirestore, testStore } from '../support/firestore';

const FETCH: Fetch = {
  id: 'Qm9vbXN0aWNrLWZldGNoLTE',
  linkId: 'AAAAAAAAAAAAAAAAAAAAAA',
  at: Date.parse('2026-12-01T10:00:00Z'),
  method: 'GET',
  userAgent: 'Thunderbird',
  headers: { accept: 'image/*' },
  network: 'other',
  ipPrefix: '198.51.100.0/24',
};
const OTHER = { ...FETCH, id: 'c2Vjb25kLWZldGNoLWlk' };

const serviceLine = (fetch: unknown) =>
  JSON.stringify({
    severity: 'ERROR',
    message: 'fetch dead-lettered',
    deadLetter: { fetch },
    cause: 'Error: not stored within 1500 ms',
  });
const requestLine = JSON.stringify({ severity: 'INFO', message: 'request done' });

describe('reading dead letters', () => {
  it('finds them among the service lines and skips everything else', () => {
    const text = [requestLine, serviceLine(FETCH), '', requestLine, serviceLine(OTHER)].join('\n');
    expect(readDeadLetters(text)).toEqual({ fetches: [FETCH, OTHER], problems: [] });
  });

  it('reads a gcloud logging export, a JSON array of entries with jsonPayload', () => {
    const entry = (fetch: Fetch) => ({
      insertId: 'abc',
      severity: 'ERROR',
      jsonPayload: JSON.parse(serviceLine(fetch)),
      resource: { type: 'cloud_run_revision' },
    });
    const text = JSON.stringify([entry(FETCH), { jsonPayload: { message: 'x' } }, entry(OTHER)]);
    expect(readDeadLetters(text).fetches).toEqual([FETCH, OTHER]);
  });

  it('reads a log sink export, one entry per line', () => {
    const text = `${JSON.stringify({ jsonPayload: JSON.parse(serviceLine(FETCH)) })}\n`;
    expect(readDeadLetters(text).fetches).toEqual([FETCH]);
  });

  it('names each entry it cannot use, and keeps the rest', () => {
    const text = [
      serviceLine({ ...FETCH, at: 'yesterday' }),
      'not json at all',
      serviceLine(OTHER),
      serviceLine({ ...FETCH, network: 'mars' }),
    ].join('\n');
    const { fetches, problems } = readDeadLetters(text);
    expect(fetches).toEqual([OTHER]);
    expect(problems).toEqual([
      expect.stringMatching(/^line 1: fetch\/at Expected\s+integer/),
      'line 2: not JSON',
      expect.stringMatching(/^line 4: fetch\/network /),
    ]);
  });
});

describeWithFirestore('re-ingesting', () => {
  it('stores each fetch under its own id, so a second run adds nothing', async () => {
    const projectId = newProjectId();
    const store = testStore(projectId);
    const fetches = readDeadLetters([serviceLine(FETCH), serviceLine(OTHER)].join('\n')).fetches;
    expect(await reingest((f) => store.recordFetch(f), fetches)).toBe(2);
    expect(await reingest((f) => store.recordFetch(f), fetches)).toBe(2);

    const snap = await rawFirestore(projectId).collectionGroup('fetches').get();
    expect(snap.docs.map((doc) => doc.id).sort()).toEqual([OTHER.id, FETCH.id].sort());
    expect(
      snap.docs
        .find((doc) => doc.id === FETCH.id)
        ?.get('at')
        .toMillis(),
    ).toBe(FETCH.at);
    await store.close();
  });
});
