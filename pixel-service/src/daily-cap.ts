/**
 * A cap on the fetches of one link stored one by one each UTC day. A link
 * pasted into a page or a mailing list can be fetched millions of times;
 * beyond the cap a fetch is only counted, into sharded counter documents in
 * the same grouped commit, and the timeline says how many were counted.
 *
 * The count lives in this instance's memory, so the pixel path still reads
 * nothing. Instances are stateless and Cloud Run may run several, so the cap
 * holds per instance and is approximate: N instances store up to N times the
 * cap. Only the busiest links are remembered, which bounds the memory.
 */
import { LRUCache } from 'lru-cache';
import type { Fetch } from '../../shared/domain';
import type { StoreFetch } from './fetch-recorder';

const DAY_MS = 86_400_000;
/** About 100 bytes each: a few megabytes at most. */
export const MAX_LINKS_REMEMBERED = 50_000;

export class DailyCap {
  // Bounded by size, one per link, rather than by `max`: `max` allocates
  // room for every entry up front, which held start-up back by 5 ms.
  readonly #counts = new LRUCache<string, number>({
    maxSize: MAX_LINKS_REMEMBERED,
    sizeCalculation: () => 1,
  });

  constructor(readonly cap: number) {}

  /** Counts the fetch; true while its link is still within today's cap. */
  admit(linkId: string, at: number): boolean {
    const key = `${Math.floor(at / DAY_MS)}/${linkId}`;
    const seen = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, seen);
    return seen <= this.cap;
  }
}

/** Stores fetches within the cap one by one and only counts the rest. */
export function cappedStoreFetch(
  cap: DailyCap,
  store: { recordFetch: StoreFetch; countFetch: StoreFetch },
): StoreFetch {
  return (fetch: Fetch) =>
    cap.admit(fetch.linkId, fetch.at) ? store.recordFetch(fetch) : store.countFetch(fetch);
}
