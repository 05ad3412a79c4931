// Bundles the service into one file for Cloud Run: pixel-service/dist/server.js.

import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const outfile = process.argv[2] ?? `${here}dist/server.js`;

await build({
  entryPoints: [`${here}src/main.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: false,
  legalComments: 'linked',
  logLevel: 'warning',
});
// The network snapshots are read at run time from beside the bundle.
cpSync(`${here}../shared/networks/snapshots`, `${dirname(outfile)}/snapshots`, { recursive: true });
console.log(`built ${outfile}`);
