/**
 * Builds the service from its config and dependencies. Starting it (listen,
 * signals, shutdown) lives in main.ts, so tests build it and use `inject`.
 */
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { DestinationStream } from 'pino';
import type { NetworkIndex } from '../../shared/networks/network-index';
import { loadNetworkIndex } from '../../shared/networks/snapshots';
import { type LogRequestDone, logFinishedRequests } from './access-log';
import { apiGuards } from './api-guards';
import { answerClientError } from './client-error';
import type { Config } from './config';
import { cappedStoreFetch, DailyCap } from './daily-cap';
import { apiErrorHandler } from './errors';
import { sendPixel } from './gif';
import type { VerifyIdentity } from './identity';
import { logDestination, loggerOptions, traceField } from './logger';
import { notFoundHandler } from './not-found';
import { OptOutList } from './opt-out-list';
import { exportDownloadRoutes } from './routes/export-download';
import { healthRoutes } from './routes/health';
import { linkRoutes } from './routes/links';
import { meRoutes } from './routes/me';
import { optOutRoutes } from './routes/opt-out';
import { pixelRoutes } from './routes/pixel';
import { publicPageRoutes } from './routes/public-pages';
import { serializerCompiler } from './serialization';
import type { Store } from './store';
import { withDeadline } from './store-deadline';
import { validatorCompiler } from './validation';

export interface Deps {
  store: Store;
  verifyIdentity: VerifyIdentity;
  /** Which network an address belongs to; defaults to the shipped snapshots. */
  networks?: NetworkIndex;
  now?: () => number;
  /** Where log lines go: standard output unless a test reads them. */
  logStream?: DestinationStream;
}

/** Bodies are small JSON; anything larger is refused before parsing. */
const BODY_LIMIT_BYTES = 64 * 1024;
const READY_TIMEOUT_MS = 1000;
/**
 * Node refuses requests with more than 16 KB of headers before any route
 * sees them; a proxy's oversized User-Agent must still get the GIF and count.
 */
const MAX_HEADER_BYTES = 128 * 1024;
const MAX_PARAM_LENGTH = 200;

/**
 * A URL the router cannot even decode still gets the image on the pixel path.
 * Elsewhere the answer does not quote it, as the router's message would: an
 * opt-out or export URL carries a token.
 */
function answerFrameworkError(_error: Error, request: FastifyRequest, reply: FastifyReply) {
  if (request.url.startsWith('/p/')) return sendPixel(reply.code(200));
  const message = 'malformed URL: it cannot be decoded';
  return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message });
}

export async function buildApp(config: Config, deps: Deps): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const networks = deps.networks ?? loadNetworkIndex();
  // Set once the app exists; the router's own errors skip the hooks.
  let logDone: LogRequestDone = () => {};
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), stream: deps.logStream ?? logDestination() },
    // Every line logged for a request carries its trace, so Cloud Logging
    // groups them under the request.
    childLoggerFactory: (logger, bindings, options, raw) =>
      logger.child(
        { ...bindings, ...traceField(raw.headers['x-cloud-trace-context'], config.projectId) },
        options,
      ),
    // Believe exactly the X-Forwarded-For entries our own proxies appended;
    // anything to their left was written by the client and may be forged.
    trustProxy: (_address: string, hop: number) => hop < config.trustedProxyHops,
    bodyLimit: BODY_LIMIT_BYTES,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    // One line per finished request, written by logFinishedRequests.
    logController: new LogController({ disableRequestLogging: true }),
    // Requests that arrive on open connections after SIGTERM still get served.
    return503OnClosing: false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, request, reply) => {
      reply.raw.once('finish', () => logDone(request, reply));
      return answerFrameworkError(error, request, reply);
    },
    clientErrorHandler: answerClientError,
  });

  logDone = logFinishedRequests(app, config.projectId);
  const optOuts = new OptOutList((sinceMs) => deps.store.optOutsSince(sinceMs), app.log);
  app.decorate('optOuts', optOuts);
  app.addHook('onClose', async () => optOuts.stop());
  app.addHook('onClose', async () => deps.store.close());

  app.setNotFoundHandler(notFoundHandler(app, MAX_PARAM_LENGTH));
  await app.register(healthRoutes, {
    pingStore: () => deps.store.ping(),
    networkAges: () => networks.ages(now()),
    timeoutMs: READY_TIMEOUT_MS,
  });
  const storeWithinCap = cappedStoreFetch(new DailyCap(config.dailyFetchCap), deps.store);
  await app.register(pixelRoutes, {
    tokenKeys: config.tokenKeys,
    storeTimeoutMs: config.storeTimeoutMs,
    // Opted-out links are known in memory: skipping them costs no read.
    storeFetch: (fetch) => (optOuts.has(fetch.linkId) ? Promise.resolve() : storeWithinCap(fetch)),
    networks,
    now,
  });
  await app.register(publicPageRoutes, { operator: config.operator });
  await app.register(optOutRoutes, {
    tokenKeys: config.tokenKeys,
    store: deps.store,
    optOuts,
    now,
  });
  await app.register(exportDownloadRoutes, { tokenKeys: config.tokenKeys, store: deps.store, now });
  await app.register(
    async (api) => {
      await apiGuards(api, {
        ratePerMinute: config.apiRatePerMinute,
        previewOrigin: config.previewOrigin,
      });
      // The API reads JSON only: a text body would otherwise reach validation
      // as a string and be refused as the wrong type, not the wrong format.
      api.removeContentTypeParser('text/plain');
      api.setValidatorCompiler(validatorCompiler);
      api.setSerializerCompiler(serializerCompiler);
      api.setErrorHandler(apiErrorHandler);
      // Every API route answers 503 in time while storage is down.
      const store = withDeadline(deps.store, config.apiStoreTimeoutMs);
      await api.register(linkRoutes, {
        store,
        verifyIdentity: deps.verifyIdentity,
        publicUrl: config.publicUrl,
        tokenKeys: config.tokenKeys,
        now,
      });
      await api.register(meRoutes, {
        store,
        verifyIdentity: deps.verifyIdentity,
        publicUrl: config.publicUrl,
        tokenKeys: config.tokenKeys,
        now,
      });
    },
    { prefix: '/v1' },
  );
  return app;
}
