/**
 * One log line per finished request, in Cloud Logging's `httpRequest` shape.
 * The line names the method, the route pattern (never the URL: pixel URLs
 * carry tokens), the status and the latency, and nothing else. It is built
 * here, so it goes through a logger without redaction: there is nothing to
 * redact, and on the pixel's path redaction cost more than the line itself.
 */
import type { FastifyInstance } from 'fastify';
import { traceField } from './logger';

export const ACCESS_MESSAGE = 'request done';

export function logFinishedRequests(app: FastifyInstance, projectId: string): void {
  const access = app.log.child({}, { redact: [] });
  app.addHook('onResponse', (request, reply, done) => {
    access.info(
      {
        reqId: request.id,
        ...traceField(request.headers['x-cloud-trace-context'], projectId),
        httpRequest: {
          requestMethod: request.method,
          requestUrl: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          latency: `${(reply.elapsedTime / 1000).toFixed(3)}s`,
        },
      },
      ACCESS_MESSAGE,
    );
    done();
  });
}
