/**
 * The benchmark's baselines: plain Fastify answering the same GIF with the
 * same headers, either at once (`bare`), after one plain Firestore write to
 * the same emulator (`store`), with no grouping and nothing else, or after
 * spinning for a fixed number of microseconds (`busy:N`), which shows what a
 * given amount of work per request costs in throughput on this machine.
 */
import { Firestore } from '@google-cloud/firestore';
import Fastify from 'fastify';
import { PIXEL_GIF, PIXEL_HEADERS } from '../src/gif';

/** Keeps the CPU busy, as request work would, for `microseconds`. */
function spin(microseconds: number) {
  const until = process.hrtime.bigint() + BigInt(microseconds * 1000);
  while (process.hrtime.bigint() < until) {
    // busy on purpose
  }
}

async function main(mode = 'bare') {
  const db = new Firestore({ projectId: process.env.GOOGLE_CLOUD_PROJECT });
  const busy = mode.startsWith('busy:') ? Number(mode.slice('busy:'.length)) : 0;
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
    if (busy > 0) spin(busy);
    return reply.headers(PIXEL_HEADERS).send(PIXEL_GIF);
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
