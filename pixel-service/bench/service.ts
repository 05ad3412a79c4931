/**
 * The service as the benchmark runs it: the real app from the environment,
 * with storage switched off when started with `no-store`, to measure the
 * service's own overhead. Benchmark only; Cloud Run runs src/main.ts.
 */
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { devIdentity } from '../src/identity';
import { openStore } from '../src/store';

async function main(mode: string | undefined) {
  const config = loadConfig(process.env);
  const store = openStore({ projectId: config.projectId, retentionDays: config.retentionDays });
  if (mode === 'no-store') {
    store.recordFetch = async () => {};
    store.countFetch = async () => {};
  }
  const app = await buildApp(config, { store, verifyIdentity: devIdentity() });
  await app.listen({ port: config.port, host: config.host });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
