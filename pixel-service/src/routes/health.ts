/** Liveness and readiness for Cloud Run. */
import type { FastifyInstance } from 'fastify';
import type { ListAge } from '../../../shared/networks/network-index';

/**
 * The published lists change daily; a week-old snapshot misses new ranges.
 * A stale list still classifies most fetches, so it is flagged, not fatal.
 */
const STALE_AFTER_MS = 7 * 86_400_000;

export interface HealthOptions {
  /** Resolves when storage answers. */
  pingStore: () => Promise<void>;
  /** Each reference list's age, so an operator sees a stale or unloaded list. */
  networkAges: () => ListAge[];
  timeoutMs: number;
}

export async function healthRoutes(app: FastifyInstance, options: HealthOptions) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const storage = await probe(options.pingStore, options.timeoutMs);
    return reply.code(storage === 'ok' ? 200 : 503).send({
      status: storage === 'ok' ? 'ready' : 'unavailable',
      storage,
      networks: options
        .networkAges()
        .map((list) => ({ ...list, stale: list.ageMs > STALE_AFTER_MS })),
    });
  });
}

async function probe(ping: () => Promise<void>, timeoutMs: number): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  try {
    return await Promise.race([ping().then(() => 'ok' as const), timeout]);
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
