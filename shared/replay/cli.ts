/**
 * `npm run replay -- [--check] FILE...`: prints each scenario's timeline as
 * one JSON line; with `--check`, exits 1 when a timeline differs from the
 * file's expectations (`expect`, and `expectRules`, `expectIgnored`,
 * `expectNotices` where given).
 */
import { parseArgs } from 'node:util';
import { loadAllNetworks, replayFile } from './replay-files';

const USAGE = 'usage: npm run replay -- [--check] FILE...  (the format: shared/README.md)';

function readArgs() {
  try {
    return parseArgs({
      options: { check: { type: 'boolean', default: false }, help: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error((error as Error).message);
    return null;
  }
}

async function main(): Promise<number> {
  const args = readArgs();
  if (args?.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args || args.positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const { values, positionals } = args;
  const networks = await loadAllNetworks();
  let failed = 0;
  for (const file of positionals) {
    try {
      const { result, differences } = await replayFile(file, networks);
      console.log(JSON.stringify(result));
      if (values.check && differences.length > 0) {
        for (const difference of differences) console.error(`${file}: ${difference}`);
        failed += 1;
      }
    } catch (error) {
      console.error((error as Error).message);
      failed += 1;
    }
  }
  if (values.check) console.error(`${positionals.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
