// Bundles the service into one file for Cloud Run: pixel-service/dist/server.js,
// and beside it the daily sweep job's entry point, sweep.js.

import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const outfile = process.argv[2] ?? `${here}dist/server.js`;

const options = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: false,
  legalComments: 'linked',
  logLevel: 'warning',
};
await build({ ...options, entryPoints: [`${here}src/main.ts`], outfile });
await build({
  ...options,
  entryPoints: [`${here}src/sweep-main.ts`],
  outfile: `${dirname(outfile)}/sweep.js`,
});
// The network snapshots are read at run time from beside the bundle.
cpSync(`${here}../shared/networks/snapshots`, `${dirname(outfile)}/snapshots`, { recursive: true });
console.log(`built ${outfile}`);
