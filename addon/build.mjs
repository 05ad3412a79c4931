/**
 * Bundles the add-on into one Apps Script file. Apps Script finds trigger and
 * action functions by name at the top level, so after the bundle (which keeps
 * its code inside one global object) comes a plain function per export of
 * main.ts. The manifest is copied beside it, with the service's address put
 * into its allow-lists when MAILPING_SERVICE_URL is set.
 *
 * Usage: node addon/build.mjs [--outdir dist/addon]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL = 'MailPing';

function outdirFromArgs(argv) {
  const at = argv.indexOf('--outdir');
  return resolve(root, at >= 0 && argv[at + 1] ? argv[at + 1] : 'dist/addon');
}

/** The names main.ts exports, read from esbuild's metafile. */
async function entryNames(entry) {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(probe.metafile.outputs).flatMap((output) => output.exports);
}

function topLevelFunctions(names) {
  return names.map((name) => `function ${name}(e) { return ${GLOBAL}.${name}(e); }`).join('\n');
}

function manifestFor(manifest, serviceUrl) {
  if (!serviceUrl) return manifest;
  const prefix = `${serviceUrl.replace(/\/+$/, '')}/`;
  return {
    ...manifest,
    urlFetchWhitelist: [prefix],
    addOns: {
      ...manifest.addOns,
      common: { ...manifest.addOns.common, openLinkUrlPrefixes: [prefix] },
    },
  };
}

export async function buildAddon(outdir, serviceUrl) {
  const entry = join(root, 'addon/main.ts');
  const names = await entryNames(entry);
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    // Apps Script's V8 runtime; older syntax keeps clear of its gaps.
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = `${bundle.outputFiles[0].text}\n${topLevelFunctions(names)}\n`;
  const manifest = JSON.parse(await readFile(join(root, 'appsscript.json'), 'utf8'));
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, 'Code.js'), code);
  await writeFile(
    join(outdir, 'appsscript.json'),
    `${JSON.stringify(manifestFor(manifest, serviceUrl), null, 2)}\n`,
  );
  return { outdir, names, bytes: code.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildAddon(outdirFromArgs(process.argv), process.env.MAILPING_SERVICE_URL);
  console.log(
    `add-on built: ${result.outdir} (${result.bytes} bytes, ${result.names.length} entry points)`,
  );
}
