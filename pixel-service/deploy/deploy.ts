/**
 * One-command deploy of the pixel service: `npm run deploy`. Reads
 * pixel-service/deploy/deploy.json (copy deploy.sample.json), checks it, then
 * runs the plan's gcloud commands in order, stopping at the first failure.
 *
 *   npm run deploy -- --dry-run              print the plan, run nothing
 *   npm run deploy -- --config other.json    use another configuration
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type DeployConfig, DeployConfigError, loadDeployConfig } from './deploy-config';
import { deployPlan, type Step } from './plan';

const ROOT = resolve(__dirname, '../..');
const DEFAULT_CONFIG = join(ROOT, 'pixel-service/deploy/deploy.json');
const SAMPLE_CONFIG = join(ROOT, 'pixel-service/deploy/deploy.sample.json');

class DeployError extends Error {}

/** An argument as a shell would need it, so a printed command can be pasted. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: string[]): string {
  return ['gcloud', ...args].map(shellQuote).join(' ');
}

function parseArgs(argv: string[]) {
  const at = argv.indexOf('--config');
  const unknown = argv.filter(
    (a, i) =>
      a.startsWith('--') && !['--dry-run', '--config'].includes(a) && argv[i - 1] !== '--config',
  );
  if (unknown.length > 0)
    throw new DeployError(`unknown option ${unknown[0]}; use --dry-run or --config FILE`);
  if (at >= 0 && !argv[at + 1]) throw new DeployError('--config needs a file');
  return {
    dryRun: argv.includes('--dry-run'),
    config: at >= 0 ? resolve(argv[at + 1] ?? '') : undefined,
  };
}

function configPath(given: string | undefined, dryRun: boolean): string {
  if (given) return given;
  if (existsSync(DEFAULT_CONFIG)) return DEFAULT_CONFIG;
  if (dryRun) {
    console.log('No pixel-service/deploy/deploy.json yet: planning with deploy.sample.json.\n');
    return SAMPLE_CONFIG;
  }
  throw new DeployError(
    'no pixel-service/deploy/deploy.json: copy deploy.sample.json to it and fill it in',
  );
}

function imageTag(): string {
  const git = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return git.status === 0 ? git.stdout.trim() : `build-${Date.now()}`;
}

function printPlan(steps: Step[]) {
  steps.forEach((step, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${step.title}`);
    if (step.skipIf) console.log(`    (skipped if: ${commandLine(step.skipIf)})`);
    console.log(`    ${commandLine(step.args.map((a) => a.replace('{url}', '<service URL>')))}`);
  });
}

function gcloud(args: string[], capture: boolean) {
  return spawnSync('gcloud', args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  });
}

function runStep(step: Step, url: string): string {
  if (step.skipIf && gcloud(step.skipIf, true).status === 0) {
    console.log('    exists already, skipped');
    return url;
  }
  const capture = Boolean(step.capturesUrl || step.tolerate);
  const result = gcloud(
    step.args.map((a) => a.replace('{url}', url)),
    capture,
  );
  if (capture) process.stderr.write(result.stderr ?? '');
  if (result.status === 0) return step.capturesUrl ? result.stdout.trim() : url;
  if (step.tolerate && `${result.stderr}${result.stdout}`.includes(step.tolerate)) return url;
  throw new DeployError(`step failed: ${step.title}${step.onFailure ? `; ${step.onFailure}` : ''}`);
}

/** A real deploy must not publish the sample's placeholder operator or client id. */
function refuseSampleValues(config: DeployConfig) {
  const sample = loadDeployConfig(SAMPLE_CONFIG);
  const kept = (['operatorName', 'operatorContact', 'oauthClientIds'] as const).filter(
    (field) => JSON.stringify(config[field]) === JSON.stringify(sample[field]),
  );
  if (kept.length > 0) {
    throw new DeployError(`${kept.join(', ')} still hold the sample's values: fill in your own`);
  }
}

function main(argv: string[]) {
  const args = parseArgs(argv);
  const path = configPath(args.config, args.dryRun);
  const config = loadDeployConfig(path);
  const indexes = JSON.parse(readFileSync(join(ROOT, 'firestore.indexes.json'), 'utf8'));
  const steps = deployPlan(config, { tag: imageTag(), indexes });
  console.log(
    `MailPing deploy to ${config.project} (${config.region}), from ${relative(ROOT, path)}\n`,
  );
  if (args.dryRun) {
    printPlan(steps);
    console.log('\nDry run: nothing was run. A real run ends by printing the URL to put in');
    console.log('the add-on’s script properties as SERVICE_URL.');
    return;
  }
  refuseSampleValues(config);
  if (gcloud(['--version'], true).status !== 0) throw new DeployError('gcloud is not installed');
  let url = '';
  steps.forEach((step, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${step.title}`);
    url = runStep(step, url);
  });
  console.log(
    `\nDeployed. Set the add-on's script property SERVICE_URL to ${config.publicUrl ?? url}`,
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof DeployConfigError) {
    console.error(`The deploy configuration has problems: ${error.message}`);
  } else {
    console.error(`deploy: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(2);
}
