/**
 * Rewrites the Google and Apple snapshots from their published URLs. The
 * Microsoft and Yahoo lists are short and kept by hand (see the README), so
 * they are left alone.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compactEgressCsv } from './apple-egress';
import { parseGoogleRanges } from './google-ranges';
import type { NetworkList } from './network-list';
import { SNAPSHOT_DIR, SNAPSHOT_FILES } from './snapshots';

/** Where Google publishes `goog.json`. */
export const GOOGLE_URL = 'https://www.gstatic.com/ipranges/goog.json';
/** Where Apple publishes the Private Relay egress list. */
export const APPLE_URL = 'https://mask-api.icloud.com/egress-ip-ranges.csv';

/** What the refresh reads and where it writes. */
export interface RefreshOptions {
  googleUrl: string;
  appleUrl: string;
  dir: string;
  /** The time a list without its own date is stamped with. */
  now: number;
}

/** The default options: the published URLs and the shipped snapshot folder. */
export function defaultRefreshOptions(now: number): RefreshOptions {
  return { googleUrl: GOOGLE_URL, appleUrl: APPLE_URL, dir: SNAPSHOT_DIR, now };
}

async function download(url: string): Promise<Response> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

async function writeList(dir: string, file: string, list: NetworkList): Promise<void> {
  const path = join(dir, file);
  // Write beside, then rename, so a reader never sees half a file.
  await writeFile(`${path}.tmp`, `${JSON.stringify(list, null, 1)}\n`);
  await rename(`${path}.tmp`, path);
}

async function googleList(url: string): Promise<NetworkList> {
  const { snapshotAt, prefixes } = parseGoogleRanges(await (await download(url)).json());
  return { network: 'google', name: 'Google', source: url, snapshotAt, prefixes };
}

async function appleList(url: string, now: number): Promise<NetworkList> {
  const response = await download(url);
  const modified = Date.parse(response.headers.get('last-modified') ?? '');
  const snapshotAt = new Date(Number.isNaN(modified) ? now : modified).toISOString();
  const prefixes = compactEgressCsv(await response.text());
  const name = 'Apple iCloud Private Relay';
  return { network: 'apple-relay', name, source: url, snapshotAt, prefixes };
}

/** Downloads both lists and rewrites their snapshots; returns what it wrote. */
export async function refreshNetworks(options: RefreshOptions): Promise<NetworkList[]> {
  const google = await googleList(options.googleUrl);
  const apple = await appleList(options.appleUrl, options.now);
  await writeList(options.dir, SNAPSHOT_FILES.google, google);
  await writeList(options.dir, SNAPSHOT_FILES['apple-relay'], apple);
  return [google, apple];
}
