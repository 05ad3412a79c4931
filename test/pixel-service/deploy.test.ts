import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { configProblems, type DeployConfig } from '../../pixel-service/deploy/deploy-config';
import { deployPlan } from '../../pixel-service/deploy/plan';
import { loadConfig } from '../../pixel-service/src/config';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'pixel-service/deploy/deploy.sample.json');
const INDEXES = JSON.parse(readFileSync(join(ROOT, 'firestore.indexes.json'), 'utf8'));
const sample = (): DeployConfig => JSON.parse(readFileSync(SAMPLE, 'utf8'));

function deploy(...args: string[]) {
  return deployWith({}, ...args);
}

function deployWith(env: Record<string, string>, ...args: string[]) {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const run = spawnSync(tsx, ['pixel-service/deploy/deploy.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // Only node on the PATH: a gcloud on this machine must never be reached by a test.
    env: { ...process.env, PATH: dirname(process.execPath), ...env },
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** Splits a printed command the way a POSIX shell would (single quotes only). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    words.push(match[1] !== undefined ? match[1].replace(/'\\''/g, "'") : (match[2] ?? ''));
  }
  return words;
}

function envOf(command: string[]): Record<string, string> {
  const flag = command.find((w) => /^--(set|update)-env-vars=/.test(w)) ?? '';
  const list = flag.slice(flag.indexOf('^@^') + '^@^'.length);
  return Object.fromEntries(list.split('@').map((pair) => pair.split(/=(.*)/s).slice(0, 2)));
}

describe('deploy dry run', () => {
  const plan = deploy('--dry-run', '--config', SAMPLE);
  const commands = plan.out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('gcloud '))
    .map(shellWords);
  const find = (...words: string[]) => commands.find((c) => words.every((w, i) => c[i + 1] === w));

  it('prints a plan and runs nothing', () => {
    expect(plan.status).toBe(0);
    expect(plan.out).toContain('Dry run: nothing was run');
    expect(commands.length).toBeGreaterThan(15);
  });

  it('prints only well-formed gcloud commands: flags as --name=value, no stray quotes', () => {
    for (const command of commands) {
      expect(command[0]).toBe('gcloud');
      for (const word of command.slice(1)) {
        if (word.startsWith('--')) expect(word).toMatch(/^--[a-z-]+(=.+)?$/);
        expect(word).not.toMatch(/^'|'$/);
      }
      expect(command.some((w) => w === '--project=mailping-prod' || w === 'mailping-prod')).toBe(
        true,
      );
    }
  });

  it('builds the image and deploys it with the service account, limits and secrets', () => {
    expect(find('builds', 'submit')).toEqual(
      expect.arrayContaining(['--config=pixel-service/cloudbuild.yaml', '.']),
    );
    const run = find('run', 'deploy') ?? [];
    expect(run).toEqual(
      expect.arrayContaining([
        'mailping-pixel',
        '--allow-unauthenticated',
        '--service-account=mailping-pixel@mailping-prod.iam.gserviceaccount.com',
        '--concurrency=80',
        '--memory=512Mi',
        '--min-instances=1',
        '--region=europe-west1',
        '--set-secrets=TOKEN_KEYS=mailping-token-keys:latest',
      ]),
    );
    const image = run.find((w) => w.startsWith('--image='));
    expect(image).toMatch(/^--image=europe-west1-docker\.pkg\.dev\/mailping-prod\/mailping\//);
    expect(find('builds', 'submit')).toContain(`--substitutions=_IMAGE=${image?.slice(8)}`);
  });

  it('gives the service an environment its configuration accepts on Cloud Run', () => {
    const env = envOf(find('run', 'deploy') ?? []);
    expect(env).toMatchObject({
      OAUTH_CLIENT_IDS: '123456789012-abcdefghijklmnop.apps.googleusercontent.com',
      OPERATOR_NAME: 'Example Mail Tools Ltd',
      RETENTION_DAYS: '90',
    });
    const keys = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(() =>
      loadConfig({ ...env, TOKEN_KEYS: keys, K_SERVICE: 'mailping-pixel' }),
    ).not.toThrow();
  });

  it('deploys every index, override and TTL policy of firestore.indexes.json', () => {
    for (const index of INDEXES.indexes) {
      const create = commands.find(
        (c) => c.includes('composite') && c.includes(`--collection-group=${index.collectionGroup}`),
      );
      expect(create?.filter((w) => w.startsWith('--field-config='))).toHaveLength(
        index.fields.length,
      );
    }
    for (const o of INDEXES.fieldOverrides) {
      const group = `--collection-group=${o.collectionGroup}`;
      const update = commands.find(
        (c) => c[3] === 'fields' && c[4] === 'update' && c[5] === o.fieldPath && c.includes(group),
      );
      expect(update).toBeDefined();
      if (o.ttl) {
        expect(find('firestore', 'fields', 'ttls', 'update', o.fieldPath)).toBeDefined();
      }
    }
    const ttls = commands.filter((c) => c[1] === 'firestore' && c[3] === 'ttls');
    expect(ttls.map((c) => c.find((w) => w.startsWith('--collection-group=')))).toEqual([
      '--collection-group=fetches',
      '--collection-group=signals',
      '--collection-group=overflow',
    ]);
  });

  it('keeps Cloud Run’s own request logs, with addresses and tokens, out of storage', () => {
    const exclusion = find('logging', 'sinks', 'update', '_Default');
    const flag = exclusion?.find((w) => w.startsWith('--add-exclusion='));
    expect(flag).toContain('log_id("run.googleapis.com/requests")');
    expect(flag).toContain('resource.labels.service_name="mailping-pixel"');
    const order = (words: string[]) => commands.indexOf(find(...words) ?? []);
    expect(order(['logging', 'sinks'])).toBeLessThan(order(['run', 'deploy']));
  });

  it('applies the current request-log filter when the exclusion already exists', () => {
    const updates = commands.filter((c) => c[1] === 'logging' && c[3] === 'update');
    const flags = updates.map((c) => c.find((w) => w.startsWith('--')) ?? '');
    expect(flags.map((f) => f.split('=')[0])).toEqual(['--add-exclusion', '--update-exclusion']);
    expect(flags[1]?.slice('--update-exclusion='.length)).toBe(
      flags[0]?.slice('--add-exclusion='.length),
    );
  });

  it('deploys the daily sweep as a job the scheduler starts', () => {
    expect(find('run', 'jobs', 'deploy')).toContain('--args=sweep.js');
    expect(find('scheduler', 'jobs', 'create', 'http')).toEqual(
      expect.arrayContaining([
        '--schedule=17 3 * * *',
        '--uri=https://run.googleapis.com/v2/projects/mailping-prod/locations/europe-west1/jobs/mailping-pixel-sweep:run',
      ]),
    );
  });

  it('applies the sweep schedule with the flags it was created with, on every deploy', () => {
    const create = find('scheduler', 'jobs', 'create', 'http') ?? [];
    const update = find('scheduler', 'jobs', 'update', 'http') ?? [];
    expect(update.slice(5)).toEqual(create.slice(5));
    expect(update).toContain('mailping-pixel-sweep');
    expect(commands.indexOf(update)).toBeGreaterThan(commands.indexOf(create));
    const steps = deployPlan(sample(), { tag: 'test', indexes: INDEXES });
    expect(steps.find((s) => s.args[2] === 'update' && s.args[3] === 'http')?.skipIf).toBe(
      undefined,
    );
  });

  it('plans from the sample when no deploy.json exists', () => {
    const fresh = deploy('--dry-run');
    expect(fresh.status).toBe(0);
    expect(fresh.out).toContain('gcloud run deploy');
  });
});

describe('deploy configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mailping-deploy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every problem before running anything', () => {
    const { operatorContact: _, ...config } = {
      ...sample(),
      region: 'Europe West',
      run: { ...sample().run, memory: 'lots' },
    };
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(config));

    const result = deploy('--dry-run', '--config', path);

    expect(result.status).toBe(2);
    expect(result.out).not.toContain('gcloud');
    expect(result.err).toContain('The deploy configuration has problems');
    expect(result.err).toMatch(/operatorContact/);
    expect(result.err).toMatch(/region: .*europe-west1/);
    expect(result.err).toMatch(/run\.memory: .*512Mi/);
  });

  it('refuses a real deploy that still holds the sample’s operator and client id', () => {
    const path = join(dir, 'copied.json');
    writeFileSync(path, JSON.stringify({ ...sample(), project: 'acme-mail' }));

    const result = deploy('--config', path);

    expect(result.status).toBe(2);
    expect(result.err).toContain(
      "operatorName, operatorContact, oauthClientIds still hold the sample's values",
    );
    expect(result.err).not.toContain('gcloud is not installed');
  });

  it('refuses a configuration file it cannot read', () => {
    const result = deploy('--config', join(dir, 'missing.json'));
    expect(result.status).toBe(2);
    expect(result.err).toMatch(/cannot be read as JSON/);
  });

  it('accepts the sample and refuses more minimum than maximum instances', () => {
    expect(configProblems(sample())).toEqual([]);
    expect(configProblems({ ...sample(), run: { ...sample().run, minInstances: 20 } })).toEqual([
      'run.minInstances: must not exceed run.maxInstances',
    ]);
  });

  it('keeps the URL the service was told on a re-deploy', () => {
    const steps = deployPlan(sample(), { tag: 'test', indexes: INDEXES });
    const run = steps.find((s) => s.args[0] === 'run' && s.args[1] === 'deploy')?.args ?? [];
    expect(run.some((w) => w.startsWith('--set-env-vars='))).toBe(false);
    expect(envOf(run)).not.toHaveProperty('PUBLIC_URL');
    expect(run.find((w) => w.startsWith('--update-env-vars='))).toBeDefined();
  });

  it('skips setting its own URL when a public URL is configured', () => {
    const steps = deployPlan(
      { ...sample(), publicUrl: 'https://mailping.example.com' },
      { tag: 'test', indexes: INDEXES },
    );
    expect(steps.some((s) => s.args.includes('--update-env-vars=PUBLIC_URL={url}'))).toBe(false);
    const run = steps.find((s) => s.args[0] === 'run' && s.args[1] === 'deploy');
    expect(run?.args.join(' ')).toContain('@PUBLIC_URL=https://mailping.example.com');
  });
});

describe('deploy over an existing project', () => {
  let dir: string;
  // Stands in for gcloud on a project deployed before: every resource it is
  // asked to describe exists and every command succeeds. It records each call.
  const FAKE_GCLOUD = `#!/bin/sh
printf '%s\\n' "$@" >> "$GCLOUD_CALLS"
printf '\\n' >> "$GCLOUD_CALLS"
case "$*" in *'value(status.url)'*) echo https://mailping-pixel-abc.a.run.app ;; esac
`;
  const calls = () =>
    readFileSync(join(dir, 'calls'), 'utf8')
      .split('\n\n')
      .filter((call) => call.length > 0)
      .map((call) => call.split('\n'));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mailping-redeploy-'));
    writeFileSync(join(dir, 'gcloud'), FAKE_GCLOUD, { mode: 0o755 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a changed sweep schedule to the schedule that exists', () => {
    const config: DeployConfig = {
      ...sample(),
      project: 'acme-mail',
      oauthClientIds: ['999999999999-acme.apps.googleusercontent.com'],
      operatorName: 'Acme Mail Ltd',
      operatorContact: 'privacy@acme.example',
      sweep: { schedule: '45 4 * * *', timeZone: 'Europe/Paris' },
    };
    const path = join(dir, 'deploy.json');
    writeFileSync(path, JSON.stringify(config));

    const result = deployWith(
      { PATH: `${dir}:${dirname(process.execPath)}`, GCLOUD_CALLS: join(dir, 'calls') },
      '--config',
      path,
    );

    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    const scheduler = calls().filter((call) => call[0] === 'scheduler');
    expect(scheduler.map((call) => call.slice(0, 4).join(' '))).toEqual([
      'scheduler jobs describe mailping-pixel-sweep',
      'scheduler jobs update http',
    ]);
    expect(scheduler[1]).toEqual(
      expect.arrayContaining(['--schedule=45 4 * * *', '--time-zone=Europe/Paris']),
    );
  });
});
