/**
 * The preview's own process. The add-on's handlers block their thread on
 * every request to the service, as Apps Script does, so they can't share a
 * thread with the service they call. Started by start.ts; it reports its
 * address over IPC and exits when its parent goes away.
 */
import { buildPreview } from './server';

async function main() {
  const serviceUrl = process.env.SERVICE_URL ?? 'http://127.0.0.1:8080';
  const port = Number(process.env.PREVIEW_PORT ?? 8081);
  const app = buildPreview(serviceUrl);
  // Loopback only: the preview acts as the signed-in developer.
  const url = await app.listen({ port, host: '127.0.0.1' });
  process.send?.({ url });
  process.on('disconnect', () => {
    app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
