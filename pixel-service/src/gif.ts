import type { FastifyReply } from 'fastify';

/** The canonical 43-byte transparent 1x1 GIF and the headers it is served with. */
export const PIXEL_GIF = Buffer.from(
  // Header, 1x1 screen with a 2-colour table, a graphic control extension
  // marking colour 0 transparent, one image descriptor, LZW data, trailer.
  '47494638396101000100800000000000ffffff21f90401000000002c000000' + '00010001000002024401003b',
  'hex',
);

/**
 * Gmail's image proxy fetches the image again on every open only when it is
 * told not to cache; other proxies and clients honour the same headers.
 */
export const PIXEL_HEADERS = {
  'content-type': 'image/gif',
  'cache-control': 'no-cache, no-store, must-revalidate, private, max-age=0',
  pragma: 'no-cache',
  expires: '0',
} as const;

/** Answers with the image. */
export function sendPixel(reply: FastifyReply): FastifyReply {
  return reply.headers(PIXEL_HEADERS).send(PIXEL_GIF);
}
