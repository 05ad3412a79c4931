/**
 * The daily sweep: settles provisional fetches (see store-retention.ts) page
 * by page, up to a bound, so one run never holds the job forever. A page that
 * is cut short by the bound is picked up by the next run.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from './store';

export const SWEEP_PAGE = 400;
export const SWEEP_MAX_PAGES = 500;

export interface SweepTotals {
  restamped: number;
  deleted: number;
  pages: number;
  finished: boolean;
}

export async function sweep(
  store: Store,
  now: () => number,
  { pageSize = SWEEP_PAGE, maxPages = SWEEP_MAX_PAGES } = {},
) {
  const totals: SweepTotals = { restamped: 0, deleted: 0, pages: 0, finished: false };
  while (totals.pages < maxPages) {
    const page = await store.sweep(now(), pageSize);
    totals.pages += 1;
    totals.restamped += page.restamped;
    totals.deleted += page.deleted;
    if (!page.more) {
      totals.finished = true;
      break;
    }
  }
  return totals;
}

export function logSweep(log: FastifyBaseLogger, totals: SweepTotals) {
  if (totals.finished) log.info(totals, 'sweep done');
  else log.warn(totals, 'sweep stopped at its bound; the next run continues');
}
