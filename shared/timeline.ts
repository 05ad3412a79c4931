/**
 * Builds a link's timeline from its stored fetches and signals. It runs when
 * a timeline is read, never when a fetch is stored, so a late signal (the
 * sender's view reported seconds after Gmail fetched) and every improvement
 * of the rules apply to old data. Pure: the clock comes in as `now`.
 */

import { collapse, type EventDraft } from './classify/collapse';
import { type Context, readContext } from './classify/context';
import { decideAll } from './classify/decide';
import { DELIVERY_WINDOW_MS } from './classify/windows';
import type { Timeline, TimelineEvent } from './contract';
import type { EventKind, Fetch, LinkFacts, Signal } from './domain';

/** Everything a timeline is built from. */
export interface TimelineInput {
  link: LinkFacts;
  fetches: Fetch[];
  signals: Signal[];
  now: number;
}

/** What the link list shows for one link. */
export interface TimelineSummary {
  last: { kind: EventKind; at: string } | null;
  opens: number;
}

const KIND_ORDER: EventKind[] = ['activated', 'inserted', 'proxy', 'opened'];

function compareEvents(a: EventDraft, b: EventDraft): number {
  return a.at - b.at || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

const iso = (ms: number) => new Date(ms).toISOString();

function toEvent(draft: EventDraft): TimelineEvent {
  const reasons = [...draft.reasons];
  if (draft.fetches > 1 && draft.kind !== 'inserted') reasons.push('repeat:same-source');
  return { ...draft, at: iso(draft.at), lastAt: iso(draft.lastAt), reasons };
}

function noticesOf(ctx: Context, events: EventDraft[], now: number): string[] {
  const notices: string[] = [];
  if (ctx.sentAt === null) notices.push('signal:no-sent');
  // A fetch arriving now could still be a delivery check, not a read.
  else if (now - ctx.sentAt < DELIVERY_WINDOW_MS) notices.push('window:delivery-open');
  if (events.some((e) => e.reasons.includes('reader:another'))) notices.push('reader:another');
  return notices;
}

/** The timeline of one link: events in time order, hidden fetches, notices. */
export function buildTimeline({ link, fetches, signals, now }: TimelineInput): Timeline {
  const ctx = readContext(link, fetches, signals);
  const { events, ignored } = collapse(decideAll(ctx), ctx.insertedSignal);
  const ordered = events.sort(compareEvents);
  return {
    events: ordered.map(toEvent),
    ignored: ignored.map((item) => ({ at: iso(item.at), reasons: item.reasons })),
    notices: noticesOf(ctx, ordered, now),
  };
}

/** The link list's line for a timeline: its latest event and how many opens. */
export function summarizeTimeline(timeline: Timeline): TimelineSummary {
  let last: TimelineSummary['last'] = null;
  for (const event of timeline.events) {
    if (!last || event.lastAt >= last.at) last = { kind: event.kind, at: event.lastAt };
  }
  return { last, opens: timeline.events.filter((e) => e.kind === 'opened').length };
}
