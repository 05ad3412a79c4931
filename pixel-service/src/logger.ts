/**
 * pino, shaped for Cloud Logging: `severity` instead of a numeric level,
 * `message` as the message key, and secrets redacted wherever they appear.
 */
import type { LoggerOptions } from 'pino';

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
      paths: SECRETS.flatMap((name) => [name, `*.${name}`, `*.headers["${name}"]`]),
      censor: '[redacted]',
    },
  };
}

/** Cloud Logging's trace field from `X-Cloud-Trace-Context: TRACE_ID/SPAN;o=1`. */
export function traceField(header: unknown, projectId: string): Record<string, string> {
  if (typeof header !== 'string') return {};
  const traceId = header.split('/')[0] ?? '';
  if (!/^[0-9a-f]{32}$/i.test(traceId)) return {};
  return { 'logging.googleapis.com/trace': `projects/${projectId}/traces/${traceId}` };
}
