/**
 * Replays scenario files as the `replay` command does: loads every network
 * list (Apple's too, waiting for it, unlike the service), then each file.
 */
import { readFile } from 'node:fs/promises';
import type { NetworkIndex } from '../networks/network-index';
import { loadAppleRelay, loadNetworkIndex } from '../networks/snapshots';
import { compareKinds, type ReplayResult, replayScenario } from './replay';
import { parseScenario } from './scenario';

/** The outcome of one file: its result, and with `--check` any difference. */
export interface FileOutcome {
  file: string;
  result: ReplayResult;
  difference: string | null;
}

/** A network index with every shipped list loaded. */
export async function loadAllNetworks(): Promise<NetworkIndex> {
  const networks = loadNetworkIndex();
  await loadAppleRelay(networks);
  return networks;
}

/** Replays one file; throws `file: field: problem` on a bad file. */
export async function replayFile(file: string, networks: NetworkIndex): Promise<FileOutcome> {
  const scenario = parseScenario(await readFile(file, 'utf8'), file);
  const result = replayScenario(scenario, networks);
  const difference = scenario.expect ? compareKinds(result, scenario.expect) : null;
  return { file, result, difference };
}
