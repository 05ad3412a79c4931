/**
 * `npm run reingest -- FILE` (or `-` for standard input): stores the fetches
 * a log file or a Cloud Logging export holds as dead letters. Safe to repeat.
 * Uses the same GOOGLE_CLOUD_PROJECT and RETENTION_DAYS as the service.
 */
import { readFileSync } from 'node:fs';
import { loadStorageConfig } from './config';
import { readDeadLetters, reingest } from './reingest';
import { openStore } from './store';

async function main(file: string | undefined) {
  if (!file) throw new Error('usage: npm run reingest -- FILE  (a log file, an export, or -)');
  const { fetches, problems } = readDeadLetters(readFileSync(file === '-' ? 0 : file, 'utf8'));
  for (const problem of problems) console.error(`skipped ${problem}`);
  const store = openStore(loadStorageConfig(process.env));
  try {
    const stored = await reingest((fetch) => store.recordFetch(fetch), fetches);
    console.log(`stored ${stored} dead-lettered fetches; ${problems.length} entries skipped`);
  } finally {
    await store.close();
  }
  if (problems.length > 0) process.exitCode = 2;
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
