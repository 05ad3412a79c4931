/**
 * Loads the shipped snapshots. The small lists load synchronously at start-up;
 * Apple's list (tens of thousands of prefixes once refreshed) loads in slices
 * that yield to the event loop, so the service answers while it fills in.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNetworkIndex, type NetworkIndex } from './network-index';
import { type NetworkList, parseNetworkList } from './network-list';

/** Where the snapshots ship, next to this file. */
export const SNAPSHOT_DIR = join(__dirname, 'snapshots');

/** Snapshot files by network; the service may point `dir` at a fresher copy. */
export const SNAPSHOT_FILES = {
  google: 'google.json',
  'apple-relay': 'apple-relay.json',
  microsoft: 'microsoft.json',
  yahoo: 'yahoo.json',
} as const;

const SMALL_LISTS = ['google', 'microsoft', 'yahoo'] as const;

// Enough prefixes per slice to finish quickly, few enough to keep each pause
// to a few milliseconds.
const SLICE_SIZE = 2000;

/** Reads and checks one snapshot file synchronously. */
export function readSnapshot(file: string, dir = SNAPSHOT_DIR): NetworkList {
  const path = join(dir, file);
  return parseNetworkList(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** An index of the small lists; add Apple's with `loadAppleRelay`. */
export function loadNetworkIndex(dir = SNAPSHOT_DIR): NetworkIndex {
  return createNetworkIndex(SMALL_LISTS.map((n) => readSnapshot(SNAPSHOT_FILES[n], dir)));
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adds Apple's Private Relay list to `index` without holding the event loop. */
export async function loadAppleRelay(index: NetworkIndex, dir = SNAPSHOT_DIR): Promise<void> {
  const path = join(dir, SNAPSHOT_FILES['apple-relay']);
  const list = parseNetworkList(JSON.parse(await readFile(path, 'utf8')), path);
  const { prefixes, ...meta } = list;
  index.begin(meta);
  for (let start = 0; start < prefixes.length; start += SLICE_SIZE) {
    // A lookup between slices may miss Apple, as it would before loading.
    await pause();
    index.addSlice(meta.network, prefixes.slice(start, start + SLICE_SIZE));
  }
  index.complete(meta.network);
}
