/**
 * One error handler for the API: a 4xx keeps its message, which names the
 * problem; a 5xx is logged and answered with a generic message.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export function apiErrorHandler(
  error: FastifyError | HttpError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = error.statusCode ?? 500;
  if (status >= 500 && status !== 503) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side.',
    });
  }
  const message = error instanceof HttpError ? error.message : describeRefusal(error);
  if (status >= 500) request.log.warn({ cause: error.message }, 'storage unavailable');
  else request.log.info({ status, cause: error.message }, 'request refused');
  return reply.code(status).send({
    statusCode: status,
    error: NAMES[status] ?? 'Error',
    message,
  });
}

/** Names the offending field, including an unknown one, which Ajv leaves out. */
// Fastify's JSON parser drops the parse error, and refuses prototype keys
// with the same words as broken JSON, so both are named here.
const BODY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY:
    'body is not valid JSON, or holds a forbidden key such as "__proto__" or "constructor"',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body is empty; send a JSON object',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'send the body as JSON, with Content-Type: application/json',
};

function describeRefusal(error: FastifyError): string {
  const bodyMessage = BODY_MESSAGES[error.code];
  if (bodyMessage) return bodyMessage;
  const first = error.validation?.[0];
  if (!first) return error.message;
  const where = `${error.validationContext ?? 'request'}${first.instancePath}`;
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (extra) return `${where} has an unknown field "${extra}"`;
  const allowed = allowedValues(error.validation ?? [], first.instancePath);
  if (allowed.length > 0) return `${where} must be one of ${allowed.join(', ')}`;
  return `${where} ${first.message ?? 'is invalid'}`;
}

/**
 * A choice among literals fails one `const` branch per literal; Ajv names
 * each branch's value but never the whole list, which is what helps.
 */
function allowedValues(
  issues: NonNullable<FastifyError['validation']>,
  instancePath: string,
): string[] {
  return issues
    .filter((issue) => issue.keyword === 'const' && issue.instancePath === instancePath)
    .map((issue) => JSON.stringify((issue.params as { allowedValue?: unknown }).allowedValue));
}
