/**
 * Replays scenario files as the `replay` command does: loads every network
 * list (Apple's too, waiting for it, unlike the service), then each file.
 */
import { readFile } from 'node:fs/promises';
import type { NetworkIndex } from '../networks/network-index';
import { loadAppleRelay, loadNetworkIndex } from '../networks/snapshots';
import { compareExpectations, type ReplayResult, replayScenario } from './replay';
import { parseScenario } from './scenario';

/** The outcome of one file: its result and how it differs from the file's expectations. */
export interface FileOutcome {
  file: string;
  result: ReplayResult;
  /** How the timeline differs from the file's expectations; empty when it does not. */
  differences: string[];
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
  return { file, result, differences: compareExpectations(result, scenario) };
}
