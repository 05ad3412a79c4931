/**
 * Builds a link's timeline from its stored fetches and signals. Pure: time
 * comes in as a parameter.
 */
import type { Timeline } from './contract';
import type { Fetch, LinkFacts, Signal } from './domain';

export interface TimelineInput {
  link: LinkFacts;
  fetches: Fetch[];
  signals: Signal[];
  now: number;
}

/** Lists fetches as events in time order, until rules classify them. */
export function buildTimeline(input: TimelineInput): Timeline {
  const events = [...input.fetches]
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((fetch) => ({
      at: new Date(fetch.at).toISOString(),
      lastAt: new Date(fetch.at).toISOString(),
      kind: 'opened' as const,
      who: 'unknown' as const,
      confidence: 'low' as const,
      reasons: ['rule:unclassified'],
      fetches: 1,
    }));
  return { events, ignored: [], notices: [] };
}

/** The last event and the number of opens, for the link list. */
export function summarizeTimeline(timeline: Timeline) {
  const last = timeline.events.at(-1);
  return {
    last: last ? { kind: last.kind, at: last.at } : null,
    opens: timeline.events.filter((event) => event.kind === 'opened').length,
  };
}
