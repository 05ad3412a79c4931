/**
 * Firestore operations counted, not estimated: the service runs against the
 * operation counter, and each figure is the gRPC calls one action caused.
 */
import { startOperationCounter } from '../dev/operation-counter';
import { send } from './load';
import { type Server, startServer } from './processes';

export interface Operations {
  commitsPerFetch: number;
  readsPerFetch: number;
  perTimeline: Record<string, number>;
  perList: Record<string, number>;
}

const FETCHES = 1000;
const DEV = { authorization: 'Bearer dev' };
const READS = ['BatchGetDocuments', 'RunQuery', 'RunAggregationQuery', 'Listen', 'ListDocuments'];

export async function countOperations(
  bundle: string,
  emulatorHost: string,
  env: Record<string, string>,
): Promise<Operations> {
  const counter = await startOperationCounter(emulatorHost);
  let server: Server | undefined;
  try {
    server = await startServer(
      bundle,
      ['store'],
      { ...env, FIRESTORE_EMULATOR_HOST: counter.host, DEV_IDENTITY: 'on' },
      '/healthz',
    );
    const minted = await fetch(`${server.base}/v1/links`, {
      method: 'POST',
      headers: { ...DEV, 'content-type': 'application/json' },
      body: '{"label":"Counted"}',
    });
    const { id, pixelUrl } = (await minted.json()) as { id: string; pixelUrl: string };

    counter.reset();
    await send(`${server.base}${new URL(pixelUrl).pathname}`, FETCHES);
    const pixel = counter.counts();
    const reads = READS.reduce((sum, name) => sum + (pixel[name] ?? 0), 0);

    counter.reset();
    await fetch(`${server.base}/v1/links/${id}`, { headers: DEV });
    const perTimeline = counter.counts();
    counter.reset();
    await fetch(`${server.base}/v1/links`, { headers: DEV });
    const perList = counter.counts();
    return {
      commitsPerFetch: (pixel.Commit ?? 0) / FETCHES,
      readsPerFetch: reads / FETCHES,
      perTimeline,
      perList,
    };
  } finally {
    await server?.stop();
    await counter.close();
  }
}
