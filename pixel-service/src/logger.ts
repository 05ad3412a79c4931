/**
 * pino, shaped for Cloud Logging: `severity` instead of a numeric level,
 * `message` as the message key, and secrets redacted. The per-request line,
 * built from fixed fields only, skips redaction (see access-log.ts).
 */
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

const SEVERITY: Record<string, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

/** Field names that may hold a token, an address or an email, at any depth we log. */
const SECRETS = ['authorization', 'token', 'ip', 'email', 'recipients', 'x-forwarded-for'];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    messageKey: 'message',
    base: undefined,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ severity: SEVERITY[label] ?? 'DEFAULT' }),
    },
    redact: {
      // Our own fields sit at the top level or one down; request headers are
      // never logged. Deeper wildcards cost several microseconds per line.
      paths: SECRETS.flatMap((name) => [name, `*.${name}`]),
      censor: '[redacted]',
    },
  };
}

/**
 * Standard output, written asynchronously: under load, lines that pile up
 * while one write is in flight go out together, instead of one blocking
 * write per request on the pixel's path. pino flushes it when the process
 * exits; `flushLogs` drains it on shutdown.
 */
export function logDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

/** Resolves once every line written so far has reached standard output. */
export function flushLogs(log: object): Promise<void> {
  // Fastify types its logger without pino's flush, though it is pino.
  const { flush } = log as { flush?: (done: () => void) => void };
  return new Promise((resolve) => (flush ? flush.call(log, resolve) : resolve()));
}

/** Cloud Logging's trace field from `X-Cloud-Trace-Context: TRACE_ID/SPAN;o=1`. */
export function traceField(header: unknown, projectId: string): Record<string, string> {
  if (typeof header !== 'string') return {};
  const traceId = header.split('/')[0] ?? '';
  if (!/^[0-9a-f]{32}$/i.test(traceId)) return {};
  return { 'logging.googleapis.com/trace': `projects/${projectId}/traces/${traceId}` };
}
