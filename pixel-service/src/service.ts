/** Starts the service: reads config, opens storage, listens, and drains on SIGTERM. */
import type { FastifyInstance } from 'fastify';
import { loadAppleRelay, loadNetworkIndex } from '../../shared/networks/snapshots';
import { buildApp } from './app';
import { type Config, loadConfig } from './config';
import { devIdentity, googleIdentity, type VerifyIdentity } from './identity';
import { flushLogs } from './logger';
import { openStore } from './store';

function identityFor(config: Config): VerifyIdentity {
  const google = googleIdentity({ audiences: config.oauthClientIds });
  if (!config.devIdentity) return google;
  return devIdentity(config.oauthClientIds.length > 0 ? google : undefined);
}

/** Starts listening; the process exits once SIGTERM or SIGINT has drained it. */
export async function startService(env: Record<string, string | undefined>) {
  const config = loadConfig(env);
  const store = openStore({ projectId: config.projectId, retentionDays: config.retentionDays });
  const networks = loadNetworkIndex();
  const app = await buildApp(config, { store, networks, verifyIdentity: identityFor(config) });
  // Apple's list is large: it loads after start-up, and readiness shows its progress.
  loadAppleRelay(networks).catch((error: unknown) => {
    app.log.error({ err: error }, 'apple relay list failed to load');
  });
  // Opening the connection now spares the first fetch the handshake, which
  // could otherwise take longer than the store timeout and dead-letter it.
  store.ping().catch((error: unknown) => {
    app.log.warn({ err: error }, 'storage not reachable at start-up');
  });
  drainOnSignals(app);
  // The Firestore client can leave a retried call's rejection unobserved
  // when storage is down; that must never take the pixel down with it.
  process.on('unhandledRejection', (reason) => {
    app.log.error({ err: reason }, 'unhandled rejection');
  });
  app.optOuts.start(config.optOutRefreshMs);
  await app.listen({ port: config.port, host: config.host });
  if (config.devIdentity) app.log.warn('development identity is on: never expose this port');
  return app;
}

function drainOnSignals(app: FastifyInstance) {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'draining before exit');
    // Fetches in flight finish and are stored before the client closes.
    const exit = (code: number) => flushLogs(app.log).then(() => process.exit(code));
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        return exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
