/**
 * What the API scope adds around its routes: security headers, the one
 * browser origin CORS admits, and per-user rate limits. The pixel is outside
 * this scope and keeps exactly its own headers.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface GuardOptions {
  /** Requests each user may make per minute, per instance. */
  ratePerMinute: number;
  /**
   * The local preview's origin. Unset (always, outside development), no
   * browser origin may call the API: no CORS headers are sent at all.
   */
  previewOrigin?: string;
}

export async function apiGuards(api: FastifyInstance, options: GuardOptions) {
  await api.register(helmet, {
    // JSON only: nothing here is a page, so nothing may load or frame it.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  if (options.previewOrigin) {
    await api.register(cors, {
      origin: [options.previewOrigin],
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type'],
    });
  }
  // Not global: routes add `api.rateLimit()` after authentication, so the
  // limit counts per user rather than per shared proxy address.
  await api.register(rateLimit, {
    global: false,
    max: options.ratePerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => request.identity?.sub ?? request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `at most ${context.max} requests a minute per user; retry in ${context.after}`,
    }),
  });
}
