/**
 * Requests no route takes. A pixel URL gets the image whatever the method.
 * A known path asked with another method gets 405 and the methods it takes,
 * read from the router itself so the list cannot drift from the routes.
 * Anything else gets 404. Neither answer repeats the URL: it may carry a token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { sendPixel } from './gif';

/** The methods some route takes for this URL; none when no route knows its path. */
export function allowedMethods(
  app: FastifyInstance,
  url: string,
  maxParamLength: number,
): string[] {
  // No route of ours takes a segment this long, yet the router reports a
  // match for it: a stand-in that answers the router's own error.
  const path = url.split('?', 1)[0] ?? '';
  if (path.split('/').some((segment) => segment.length > maxParamLength)) return [];
  const found = app.supportedMethods.flatMap((method) => {
    const route = app.findRoute({ method: method as HTTPMethods, url });
    return route ? [{ method, isCatchAll: '*' in route.params }] : [];
  });
  // A catch-all (the CORS preflight under /v1) takes every path, so it alone
  // does not make a path known.
  if (found.every((route) => route.isCatchAll)) return [];
  return found.map((route) => route.method).sort();
}

export function notFoundHandler(app: FastifyInstance, maxParamLength: number) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/p/')) return sendPixel(reply.code(200));
    const allowed = allowedMethods(app, request.url, maxParamLength);
    if (allowed.length === 0) {
      return reply
        .code(404)
        .send({ statusCode: 404, error: 'Not Found', message: 'no such route' });
    }
    return reply
      .code(405)
      .header('allow', allowed.join(', '))
      .send({
        statusCode: 405,
        error: 'Method Not Allowed',
        message: `${request.method} is not allowed here; use ${allowed.join(', ')}`,
      });
  };
}
