/**
 * The recipient's opt-out: `/o/<pixel token>`. The URL is the pixel token
 * itself (HMAC-signed), so no other secret is stored and forged links are
 * refused without a read. GET shows the question; only the POST opts out,
 * because mail scanners open every link they find.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenKey } from '../config';
import type { OptOutList } from '../opt-out-list';
import { sendPage } from '../pages/layout';
import { askPage, donePage, invalidPage, retryPage } from '../pages/opt-out-page';
import type { Store } from '../store';
import { verifyToken } from '../token';

export interface OptOutOptions {
  tokenKeys: TokenKey[];
  store: Store;
  optOuts: OptOutList;
  now: () => number;
}

/** The opt-out page of a link, from its pixel token. */
export function optOutUrl(publicUrl: string, pixelToken: string): string {
  return `${publicUrl}/o/${pixelToken}`;
}

export async function optOutRoutes(app: FastifyInstance, options: OptOutOptions) {
  // A plain HTML form posts url-encoded; the button carries no fields to read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, {}),
  );

  app.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'opt-out failed');
    return sendPage(reply, 503, retryPage());
  });

  const linkIdOf = (request: FastifyRequest) =>
    verifyToken(options.tokenKeys, (request.params as { token: string }).token);

  app.get('/o/:token', async (request, reply) => {
    const linkId = linkIdOf(request);
    if (!linkId) return sendPage(reply, 404, invalidPage());
    return sendPage(
      reply.header('cache-control', 'no-store'),
      200,
      askPage(options.optOuts.has(linkId)),
    );
  });

  app.post('/o/:token', async (request, reply) => {
    const linkId = linkIdOf(request);
    if (!linkId) return sendPage(reply, 404, invalidPage());
    options.optOuts.add(linkId);
    const found = await options.store.optOut(linkId, options.now());
    request.log.info({ found }, 'recipient opted out');
    return sendPage(reply.header('cache-control', 'no-store'), 200, donePage());
  });
}
