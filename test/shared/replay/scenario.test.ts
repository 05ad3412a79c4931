import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatDuration, parseDuration } from '../../../shared/replay/duration';
import { parseScenario } from '../../../shared/replay/scenario';

const GOOD = {
  name: 'Gmail open',
  steps: [
    { at: '3m', signal: 'sent' },
    { at: '3h', fetch: { ip: '66.249.84.31', headers: { 'user-agent': 'GoogleImageProxy' } } },
  ],
  expect: ['opened'],
};

const broken = (change: (s: typeof GOOD) => unknown) =>
  JSON.stringify(change(structuredClone(GOOD)));

describe('parseDuration and formatDuration', () => {
  it.each([
    ['0s', 0],
    ['250ms', 250],
    ['1h30m', 5_400_000],
    ['1d2h', 93_600_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });

  it.each(['', '3x', 'h', '1h 2m', '5m5'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('parseScenario', () => {
  it('accepts a well-formed scenario', () => {
    expect(parseScenario(JSON.stringify(GOOD), 'good.json').steps).toHaveLength(2);
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseScenario('{', 'bad.json')).toThrow(/^bad\.json: not JSON/);
  });

  it('names a missing field', () => {
    const text = broken(({ name: _name, ...rest }) => rest);
    expect(() => parseScenario(text, 'x.json')).toThrow(/^x\.json: .*name/);
  });

  it('names a step that is neither a fetch nor a signal', () => {
    const text = broken((s) => ({ ...s, steps: [s.steps[0], { at: '1s', look: true }] }));
    expect(() => parseScenario(text, 'x.json')).toThrow(/^x\.json: steps\.1: a step needs/);
  });

  it.each([
    ['a fetch without an address', { at: '1s', fetch: { headers: {} } }, 'steps.1.fetch.ip'],
    ['a signal of an unknown type', { at: '1s', signal: 'opened' }, 'steps.1.signal'],
    ['an unknown field on a signal', { at: '1s', signal: 'sent', colour: 1 }, 'steps.1.colour'],
  ])('names the field of %s', (_name, step, field) => {
    const text = broken((s) => ({ ...s, steps: [s.steps[0], step] }));
    expect(() => parseScenario(text, 'x.json')).toThrow(`x.json: ${field}:`);
  });

  it('names a bad duration by its field', () => {
    const text = broken((s) => ({ ...s, steps: [{ ...s.steps[0], at: '3 minutes' }] }));
    expect(() => parseScenario(text, 'x.json')).toThrow(
      /^x\.json: steps\.0\.at: expected a duration/,
    );
  });

  it('rejects an unknown event kind in expect', () => {
    const text = broken((s) => ({ ...s, expect: ['read'] }));
    expect(() => parseScenario(text, 'x.json')).toThrow(/^x\.json: expect\.0/);
  });
});

describe('the replay command', () => {
  const run = promisify(execFile);
  const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
  const cli = join(__dirname, '../../../shared/replay/cli.ts');
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mailping-replay-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON line per file and passes --check when the kinds match', async () => {
    const file = join(dir, 'good.json');
    await writeFile(file, JSON.stringify(GOOD));
    const { stdout } = await run(tsx, [cli, '--check', file]);
    const line = JSON.parse(stdout.trim());
    expect(line.name).toBe('Gmail open');
    expect(line.timeline.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    expect(Object.keys(line.timeline[0])).toEqual([
      'at',
      'kind',
      'who',
      'confidence',
      'reasons',
      'fetches',
    ]);
  });

  it('prints the difference and exits 1 when a file differs', async () => {
    const file = join(dir, 'wrong.json');
    await writeFile(file, JSON.stringify({ ...GOOD, expect: ['proxy'] }));
    const failure = await run(tsx, [cli, '--check', file]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('kinds: expected [proxy], got [opened]');
  });
});
