/**
 * One log line per finished request, in Cloud Logging's `httpRequest` shape.
 * The line names the method, the route pattern (never the URL: pixel URLs
 * carry tokens), the status and the latency, and nothing else. It is built
 * here, so it goes through a logger without redaction: there is nothing to
 * redact, and on the pixel's path redaction cost more than the line itself.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { traceField } from './logger';

export const ACCESS_MESSAGE = 'request done';

/** Writes the line for one finished request. */
export type LogRequestDone = (request: FastifyRequest, reply: FastifyReply) => void;

export function requestDoneLogger(log: FastifyBaseLogger, projectId: string): LogRequestDone {
  const access = log.child({}, { redact: [] });
  return (request, reply) =>
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
}

/** Logs every request that finishes through Fastify's hooks; returns the writer. */
export function logFinishedRequests(app: FastifyInstance, projectId: string): LogRequestDone {
  const logDone = requestDoneLogger(app.log, projectId);
  app.addHook('onResponse', (request, reply, done) => {
    logDone(request, reply);
    done();
  });
  return logDone;
}
