/**
 * `npm run push`: builds the add-on, then runs `clasp push` from the build
 * folder. The build always runs first, so a failure after it can only be a
 * missing Google login or script, and says which.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddon } from './build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/addon');
const projectFile = join(root, 'addon/.clasp.json');

function fail(message) {
  console.error(`push: ${message}`);
  process.exit(1);
}

function credentialsFile() {
  const configured = process.env.clasp_config_auth;
  if (configured)
    return existsSync(join(configured, '.clasprc.json'))
      ? join(configured, '.clasprc.json')
      : configured;
  return join(homedir(), '.clasprc.json');
}

const built = await buildAddon(outdir, process.env.MAILPING_SERVICE_URL);
console.log(`push: built ${built.outdir} (${built.bytes} bytes)`);

if (!existsSync(credentialsFile())) {
  fail(
    'no Google credentials for clasp (~/.clasprc.json is missing). ' +
      'Run `npx clasp login` once, then `npm run push` again.',
  );
}
if (!existsSync(projectFile)) {
  fail(
    'no Apps Script project is linked (addon/.clasp.json is missing). ' +
      'See addon/README.md, "Create the script".',
  );
}
// Whatever rootDir `clasp create-script` recorded, the build folder is the root.
const project = JSON.parse(await readFile(projectFile, 'utf8'));
await writeFile(join(outdir, '.clasp.json'), JSON.stringify({ ...project, rootDir: '.' }));
const clasp = join(root, 'node_modules/.bin/clasp');
const pushed = spawnSync(clasp, ['push', '--force'], { cwd: outdir, stdio: 'inherit' });
process.exit(pushed.status ?? 1);
