/**
 * What the rules know about a link besides the fetch in hand: when it was
 * made, sent and inserted, when the sender looked at it, and every fetch.
 */
import type { Fetch, LinkFacts, Signal } from '../domain';
import { type ClientFamily, clientFamily } from './client-family';
import { UNSENT_SENDER_WINDOW_MS } from './windows';

/** A fetch with the facts derived from it at read time. */
export interface FetchView {
  fetch: Fetch;
  family: ClientFamily;
}

/** The link-wide facts every rule may read. */
export interface Context {
  createdAt: number;
  /** When the message was sent (its own date when known); null if never reported. */
  sentAt: number | null;
  insertedSignal: Signal | null;
  senderViews: number[];
  /** Fetches before this time are the sender's. */
  senderUntil: number;
  /** Every fetch of the link, in order. */
  views: FetchView[];
  /** The same fetches grouped by stored address prefix. */
  byPrefix: Map<string, FetchView[]>;
}

function groupByPrefix(views: FetchView[]): Map<string, FetchView[]> {
  const groups = new Map<string, FetchView[]>();
  for (const view of views) {
    const group = groups.get(view.fetch.ipPrefix);
    if (group) group.push(view);
    else groups.set(view.fetch.ipPrefix, [view]);
  }
  return groups;
}

function byTime<T extends { at: number; id: string }>(a: T, b: T): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Fetches in a fixed order, whatever order storage returned them in. */
export function orderFetches(fetches: readonly Fetch[]): Fetch[] {
  const tie = (f: Fetch) => `${f.userAgent}\n${f.ipPrefix}\n${f.network}`;
  return [...fetches].sort((a, b) => byTime(a, b) || (tie(a) < tie(b) ? -1 : 0));
}

/** The context for one link's timeline. */
export function readContext(link: LinkFacts, fetches: Fetch[], signals: Signal[]): Context {
  const ordered = [...signals].sort(byTime);
  const sent = ordered
    .filter((s) => s.type === 'sent')
    .map((s) => s.messageAt ?? s.at)
    .sort((a, b) => a - b);
  const sentAt = sent[0] ?? null;
  const views = orderFetches(fetches).map((fetch) => ({
    fetch,
    family: clientFamily(fetch.userAgent),
  }));
  return {
    createdAt: link.createdAt,
    sentAt,
    insertedSignal: ordered.find((s) => s.type === 'inserted') ?? null,
    senderViews: ordered.filter((s) => s.type === 'sender-view').map((s) => s.at),
    senderUntil: sentAt ?? link.createdAt + UNSENT_SENDER_WINDOW_MS,
    views,
    byPrefix: groupByPrefix(views),
  };
}

/** Milliseconds from sending to `at`, or null when no send was reported. */
export function sinceSent(ctx: Context, at: number): number | null {
  return ctx.sentAt === null ? null : at - ctx.sentAt;
}
