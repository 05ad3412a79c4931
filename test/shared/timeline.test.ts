import fc from 'fast-check';
import { EVIDENCE, explainReason } from '../../shared/classify/reasons';
import { RULES } from '../../shared/classify/rules';
import type { Fetch, LinkFacts, Network, Signal } from '../../shared/domain';
import { buildTimeline, summarizeTimeline } from '../../shared/timeline';

const T0 = Date.UTC(2024, 4, 6, 9);
const S = 1000;
const M = 60 * S;
const H = 60 * M;

const GMAIL_PROXY =
  'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';
const APPS_SCRIPT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver)';

const link: LinkFacts = { id: 'link', createdAt: T0, recipients: ['reader@example.org'] };

let n = 0;
function fetchAt(at: number, userAgent = GMAIL_PROXY, network: Network = 'google'): Fetch {
  n += 1;
  const ipPrefix = network === 'google' ? '66.249.84.0/24' : '203.0.113.0/24';
  return {
    id: `f${n}`,
    linkId: 'link',
    at: T0 + at,
    method: 'GET',
    userAgent,
    headers: {},
    network,
    ipPrefix,
  };
}

function signalAt(at: number, type: Signal['type']): Signal {
  n += 1;
  return { id: `s${n}`, linkId: 'link', type, at: T0 + at };
}

const sentAt3m = [signalAt(2 * S, 'inserted'), signalAt(3 * M, 'sent')];

describe('buildTimeline', () => {
  it('hides a fetch explained by a sender-view signal stored after it', () => {
    const fetches = [fetchAt(1 * S, APPS_SCRIPT), fetchAt(2 * H)];
    const before = buildTimeline({ link, fetches, signals: sentAt3m, now: T0 + 3 * H });
    expect(before.events.map((e) => e.kind)).toEqual(['activated', 'inserted', 'opened']);
    const signals = [...sentAt3m, signalAt(2 * H + 8 * S, 'sender-view')];
    const after = buildTimeline({ link, fetches, signals, now: T0 + 3 * H });
    expect(after.events.map((e) => e.kind)).toEqual(['activated', 'inserted']);
    expect(after.ignored).toEqual([
      {
        at: new Date(T0 + 2 * H).toISOString(),
        reasons: expect.arrayContaining(['signal:sender-view']),
      },
    ]);
  });

  it('says when the delivery window is still open', () => {
    const input = { link, fetches: [], signals: sentAt3m };
    expect(buildTimeline({ ...input, now: T0 + 3 * M + 10 * S }).notices).toEqual([
      'window:delivery-open',
    ]);
    expect(buildTimeline({ ...input, now: T0 + 1 * H }).notices).toEqual([]);
  });

  it('collapses a stream of Gmail fetches into one open with its count and span', () => {
    const fetches = Array.from({ length: 120 }, (_, i) => fetchAt(1 * H + i * 20 * S));
    const { events } = buildTimeline({ link, fetches, signals: sentAt3m, now: T0 + 5 * H });
    const opened = events.filter((e) => e.kind === 'opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      fetches: 120,
      at: new Date(T0 + 1 * H).toISOString(),
      lastAt: new Date(T0 + 1 * H + 119 * 20 * S).toISOString(),
    });
  });

  it('names the deciding rule first in every event, and explains every reason', () => {
    const fetches = [fetchAt(1 * S, APPS_SCRIPT), fetchAt(3 * M + 4 * S), fetchAt(2 * H)];
    const { events } = buildTimeline({ link, fetches, signals: sentAt3m, now: T0 + 3 * H });
    const codes = RULES.map((r) => `rule:${r.code}`);
    for (const event of events) {
      expect(codes).toContain(event.reasons[0]);
      for (const reason of event.reasons) expect(explainReason(reason)).not.toBe(reason);
    }
  });

  const agents = fc.constantFrom(GMAIL_PROXY, APPS_SCRIPT, 'Mozilla/5.0', 'Thunderbird/115.0', '');
  const networks = fc.constantFrom<Network>('google', 'apple-relay', 'microsoft', 'other');
  const fetchArb = fc
    .tuple(fc.integer({ min: 0, max: 6 * H }), agents, networks)
    .map(([at, agent, network]) => fetchAt(at, agent, network));
  const signalArb = fc
    .tuple(
      fc.integer({ min: 0, max: 6 * H }),
      fc.constantFrom<Signal['type']>('inserted', 'sent', 'sender-view'),
    )
    .map(([at, type]) => signalAt(at, type));

  it('gives the same timeline whatever order fetches and signals arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(fetchArb, { maxLength: 25 }),
        fc.array(signalArb, { maxLength: 5 }),
        fc.integer(),
        (fetches, signals, seed) => {
          const shuffle = <T>(items: T[]) =>
            items
              .map((item, i) => ({ item, key: (i * 7919 + seed) % 104729 }))
              .sort((a, b) => a.key - b.key)
              .map(({ item }) => item);
          const now = T0 + 7 * H;
          const once = buildTimeline({ link, fetches, signals, now });
          const again = buildTimeline({
            link,
            fetches: shuffle(fetches),
            signals: shuffle(signals),
            now,
          });
          expect(again).toEqual(once);
        },
      ),
    );
  });

  it('accounts for every fetch exactly once and lists events in time order', () => {
    fc.assert(
      fc.property(
        fc.array(fetchArb, { maxLength: 25 }),
        fc.array(signalArb, { maxLength: 5 }),
        (fetches, signals) => {
          const timeline = buildTimeline({ link, fetches, signals, now: T0 + 7 * H });
          const counted = timeline.events.reduce((sum, e) => sum + e.fetches, 0);
          expect(counted + timeline.ignored.length).toBe(fetches.length);
          const times = timeline.events.map((e) => e.at);
          expect(times).toEqual([...times].sort());
          const known = new Set([...RULES.map((r) => `rule:${r.code}`), ...Object.keys(EVIDENCE)]);
          const reasons = [...timeline.events, ...timeline.ignored].flatMap((e) => e.reasons);
          expect(reasons.filter((r) => !known.has(r))).toEqual([]);
        },
      ),
    );
  });
});

describe('summarizeTimeline', () => {
  it('gives the latest event and counts opens', () => {
    const fetches = [
      fetchAt(1 * S, APPS_SCRIPT),
      fetchAt(1 * H),
      fetchAt(3 * H),
      fetchAt(3 * H + 30 * S),
    ];
    const timeline = buildTimeline({ link, fetches, signals: sentAt3m, now: T0 + 4 * H });
    expect(summarizeTimeline(timeline)).toEqual({
      last: { kind: 'opened', at: new Date(T0 + 3 * H + 30 * S).toISOString() },
      opens: 2,
    });
  });

  it('has no last event for an empty timeline', () => {
    expect(summarizeTimeline({ events: [], ignored: [], notices: [] })).toEqual({
      last: null,
      opens: 0,
    });
  });
});
