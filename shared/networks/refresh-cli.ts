/**
 * `npm run refresh-networks [-- --google-url URL --apple-url URL --dir DIR]`
 * rewrites the Google and Apple snapshots.
 */
import { parseArgs } from 'node:util';
import { defaultRefreshOptions, refreshNetworks } from './refresh';

async function main(): Promise<void> {
  const defaults = defaultRefreshOptions(Date.now());
  const { values } = parseArgs({
    options: {
      'google-url': { type: 'string', default: defaults.googleUrl },
      'apple-url': { type: 'string', default: defaults.appleUrl },
      dir: { type: 'string', default: defaults.dir },
    },
  });
  const lists = await refreshNetworks({
    ...defaults,
    googleUrl: values['google-url'],
    appleUrl: values['apple-url'],
    dir: values.dir,
  });
  for (const { name, snapshotAt, prefixes } of lists) {
    console.log(JSON.stringify({ name, snapshotAt, prefixes: prefixes.length }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
