import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../shared/classify/rules';
import type { NetworkIndex } from '../../../shared/networks/network-index';
import { type FileOutcome, loadAllNetworks, replayFile } from '../../../shared/replay/replay-files';

const dir = join(__dirname, '../../scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(dir, f));

let networks: NetworkIndex;
const outcomes = new Map<string, FileOutcome>();

beforeAll(async () => {
  networks = await loadAllNetworks();
  for (const file of files) outcomes.set(file, await replayFile(file, networks));
});

describe('the scenario corpus', () => {
  it('holds at least 40 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files.map((f) => [f.slice(dir.length + 1), f]))('%s replays as expected', (_, file) => {
    expect(outcomes.get(file)?.differences).toEqual([]);
  });

  it('exercises every rule of the rule table', () => {
    const decided = new Set(
      [...outcomes.values()].flatMap(({ result }) =>
        [...result.timeline, ...result.ignored].map((e) => e.reasons[0]),
      ),
    );
    const unexercised = RULES.map((r) => `rule:${r.code}`).filter((code) => !decided.has(code));
    expect(unexercised).toEqual([]);
  });

  it('shows about 500 Gmail fetches in an hour as one open with its count', () => {
    const file = join(dir, 'five-hundred-google-fetches-in-an-hour-are-one-open.json');
    const opened = outcomes.get(file)?.result.timeline.filter((e) => e.kind === 'opened');
    expect(opened?.map((e) => e.fetches)).toEqual([500]);
  });

  it('lowers the confidence of the open when no send was reported', () => {
    const file = join(dir, 'manual-flow-without-signals.json');
    const timeline = outcomes.get(file)?.result.timeline ?? [];
    expect(timeline.map((e) => e.confidence)).toEqual(['medium', 'medium', 'medium']);
    expect(timeline[2]?.reasons).toContain('signal:no-sent');
  });
});
