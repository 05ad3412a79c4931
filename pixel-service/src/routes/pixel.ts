/**
 * The pixel. Whatever arrives, the answer is the GIF: a broken image in
 * someone's email is the worst failure this product can have. Only genuine,
 * non-prefetch GET requests are stored, and storing never reads.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { annotateRequest } from '../../../shared/annotate';
import type { Fetch } from '../../../shared/domain';
import type { NetworkIndex } from '../../../shared/networks/network-index';
import type { TokenKey } from '../config';
import { recordFetch, type StoreFetch } from '../fetch-recorder';
import { sendPixel } from '../gif';
import { verifyToken } from '../token';

export interface PixelOptions {
  tokenKeys: TokenKey[];
  storeTimeoutMs: number;
  storeFetch: StoreFetch;
  networks: NetworkIndex;
  now: () => number;
}

const PREFETCH_HEADERS = ['sec-purpose', 'purpose', 'x-purpose', 'x-moz'];

/** Browsers and proxies announce speculative loads; those are not fetches of the message. */
export function isPrefetch(headers: FastifyRequest['headers']): boolean {
  return PREFETCH_HEADERS.some((name) => {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    return /prefetch|preview|prerender/i.test(text);
  });
}

/** `abc.gif` -> `abc`; the extension is optional. */
function tokenOf(path: string): string {
  return path.endsWith('.gif') ? path.slice(0, -4) : path;
}

export async function pixelRoutes(app: FastifyInstance, options: PixelOptions) {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/p/*',
    exposeHeadRoute: false,
    // Whatever went wrong, the image still goes out.
    errorHandler: (error, request, reply) => {
      request.log.error({ err: error }, 'pixel error');
      return sendPixel(reply.code(200));
    },
    handler: async (request, reply) => {
      const { '*': path = '' } = request.params as { '*'?: string };
      const linkId = verifyToken(options.tokenKeys, tokenOf(path));
      if (request.method === 'GET' && linkId && !isPrefetch(request.headers)) {
        const fetch: Fetch = {
          // randomUUID draws from a cached entropy pool: no system call per fetch.
          id: randomUUID(),
          linkId,
          at: options.now(),
          ...annotateRequest(
            { method: request.method, headers: request.headers, ip: request.ip },
            options.networks,
          ),
        };
        request.log.debug({ fetchId: fetch.id }, 'fetch received');
        await recordFetch(options.storeFetch, fetch, options.storeTimeoutMs, request.log);
      }
      return sendPixel(reply);
    },
  });
}
