/**
 * Stores a fetch within a time bound. A pixel must answer even when storage
 * is slow or down, so a fetch that cannot be stored in time is written to the
 * log as a dead letter, whole, at error severity; the re-ingest command can
 * store it later, and the fetch id keeps that idempotent.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Fetch } from '../../shared/domain';

export type StoreFetch = (fetch: Fetch) => Promise<void>;

export const DEAD_LETTER_MESSAGE = 'fetch dead-lettered';

export async function recordFetch(
  store: StoreFetch,
  fetch: Fetch,
  timeoutMs: number,
  log: FastifyBaseLogger,
): Promise<'stored' | 'dead-lettered'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not stored within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store(fetch), timeout]);
    return 'stored';
  } catch (error) {
    log.error({ deadLetter: { fetch }, cause: String(error) }, DEAD_LETTER_MESSAGE);
    return 'dead-lettered';
  } finally {
    clearTimeout(timer);
  }
}
