/**
 * Turns per-fetch verdicts into timeline events. Repeats from one source
 * become one event with a count; every sender-side fetch before sending
 * folds into the single `inserted` event; hidden fetches go to `ignored`.
 */
import type { EventKind, Signal } from '../domain';
import type { FetchView } from './context';
import type { Verdict } from './verdict';
import { REPEAT_WINDOW_MS } from './windows';

/** A timeline event in epoch milliseconds, before the API turns it into ISO. */
export interface EventDraft {
  at: number;
  lastAt: number;
  kind: EventKind;
  who: Verdict['who'];
  confidence: Verdict['confidence'];
  reasons: string[];
  fetches: number;
}

/** A hidden fetch with the reasons it was hidden. */
export interface IgnoredDraft {
  at: number;
  reasons: string[];
}

/** One fetch with its verdict, in timeline order. */
export interface Decided {
  view: FetchView;
  verdict: Verdict;
}

// The Gmail proxy fetches from many Google addresses; it is one source. A
// scanner switching identities is one source too, known by its address.
function sourceOf({ fetch, family }: FetchView, rule: string): string {
  const where = fetch.network === 'other' ? fetch.ipPrefix : fetch.network;
  return rule === 'multi-agent' ? `${fetch.ipPrefix}|${where}` : `${family}|${where}`;
}

function fold(event: EventDraft, at: number, reasons: string[]): void {
  event.at = Math.min(event.at, at);
  event.lastAt = Math.max(event.lastAt, at);
  event.fetches += 1;
  for (const reason of reasons) if (!event.reasons.includes(reason)) event.reasons.push(reason);
}

function insertedFromSignal(signal: Signal | null): EventDraft | null {
  if (!signal) return null;
  const reasons = ['rule:inserted-signal', 'signal:inserted'];
  const at = signal.at;
  return {
    at,
    lastAt: at,
    kind: 'inserted',
    who: 'sender',
    confidence: 'high',
    reasons,
    fetches: 0,
  };
}

function draftOf({ view, verdict }: Decided, kind: EventKind): EventDraft {
  const { who, confidence } = verdict;
  const at = view.fetch.at;
  return { at, lastAt: at, kind, who, confidence, reasons: [...verdict.reasons], fetches: 1 };
}

function addRepeat(open: Map<string, EventDraft>, item: Decided): EventDraft | null {
  const { view, verdict } = item;
  const key = `${verdict.kind}|${verdict.who}|${sourceOf(view, verdict.rule)}`;
  const last = open.get(key);
  if (last && view.fetch.at - last.lastAt <= REPEAT_WINDOW_MS) {
    fold(last, view.fetch.at, verdict.reasons);
    return null;
  }
  const event = draftOf(item, verdict.kind as EventKind);
  open.set(key, event);
  return event;
}

/** The events and hidden fetches that `decided` adds up to. */
export function collapse(
  decided: readonly Decided[],
  insertedSignal: Signal | null,
): { events: EventDraft[]; ignored: IgnoredDraft[] } {
  const ignored: IgnoredDraft[] = [];
  let inserted = insertedFromSignal(insertedSignal);
  const events: EventDraft[] = inserted ? [inserted] : [];
  const open = new Map<string, EventDraft>();
  for (const item of decided) {
    const { view, verdict } = item;
    if (verdict.kind === 'ignored') {
      ignored.push({ at: view.fetch.at, reasons: verdict.reasons });
    } else if (verdict.kind === 'inserted' && inserted) {
      fold(inserted, view.fetch.at, verdict.reasons);
    } else if (verdict.kind === 'inserted' || verdict.kind === 'activated') {
      const event = draftOf(item, verdict.kind);
      if (verdict.kind === 'inserted') inserted = event;
      events.push(event);
    } else {
      const event = addRepeat(open, item);
      if (event) events.push(event);
    }
  }
  return { events, ignored };
}
