/** Liveness and readiness for Cloud Run. */
import type { FastifyInstance } from 'fastify';

export interface HealthOptions {
  /** Resolves when storage answers. */
  pingStore: () => Promise<void>;
  /** Each reference list's age, so an operator sees a stale or unloaded list. */
  networkAges: () => unknown;
  timeoutMs: number;
}

export async function healthRoutes(app: FastifyInstance, options: HealthOptions) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const storage = await probe(options.pingStore, options.timeoutMs);
    return reply.code(storage === 'ok' ? 200 : 503).send({
      status: storage === 'ok' ? 'ready' : 'unavailable',
      storage,
      networks: options.networkAges(),
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
