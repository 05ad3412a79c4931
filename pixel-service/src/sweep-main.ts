/**
 * The sweep's entry point (bundled as dist/sweep.js), run daily as a Cloud
 * Run job with the service's image and configuration.
 */
import pino from 'pino';
import { loadConfig } from './config';
import { loggerOptions } from './logger';
import { openStore } from './store';
import { logSweep, sweep } from './sweep';

async function main() {
  const config = loadConfig(process.env);
  const log = pino(loggerOptions(config.logLevel));
  const store = openStore({ projectId: config.projectId, retentionDays: config.retentionDays });
  try {
    logSweep(log, await sweep(store, Date.now));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({ severity: 'CRITICAL', message: `sweep failed: ${String(error)}` }),
  );
  process.exit(1);
});
