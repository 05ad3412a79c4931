/**
 * The benchmark's baselines: plain Fastify answering the same GIF with the
 * same headers, either at once (`bare`) or after one plain Firestore write
 * to the same emulator (`store`), with no grouping and nothing else.
 */
import { Firestore } from '@google-cloud/firestore';
import Fastify from 'fastify';
import { PIXEL_GIF, PIXEL_HEADERS } from '../src/gif';

async function main(mode: string | undefined) {
  const db = new Firestore({ projectId: process.env.GOOGLE_CLOUD_PROJECT });
  const app = Fastify({ logger: false });
  app.get('/p/*', async (request, reply) => {
    if (mode === 'store') {
      await db
        .collection('baseline')
        .doc()
        .set({
          at: Date.now(),
          userAgent: request.headers['user-agent'] ?? '',
        });
    }
    return reply.headers(PIXEL_HEADERS).send(PIXEL_GIF);
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
