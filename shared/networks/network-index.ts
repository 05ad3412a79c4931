/**
 * Decides which network a client address belongs to. It must be decided when
 * a fetch is stored, because only a truncated address is kept. Lists can be
 * added while the service runs: until Apple's large list is in, lookups miss
 * it and readiness says so.
 */
import type { Network } from '../domain';
import type { NetworkList } from './network-list';
import { type Address, PrefixMap } from './prefix-map';

/** A list's facts without its prefixes. */
export type ListMeta = Omit<NetworkList, 'prefixes'>;

/** How old one list is, for the readiness route. */
export interface ListAge {
  network: Network;
  name: string;
  source: string;
  snapshotAt: string;
  /** Milliseconds since `snapshotAt`. */
  ageMs: number;
  /** False while the list is still loading; lookups may miss it until then. */
  loaded: boolean;
  prefixes: number;
}

/** The lookup every annotated fetch goes through. */
export interface NetworkIndex {
  lookup(address: Address): Network;
  /** Adds a whole list at once. */
  add(list: NetworkList): void;
  /** Starts a list that arrives in slices; readiness shows it as loading. */
  begin(meta: ListMeta): void;
  addSlice(network: Network, prefixes: readonly string[]): void;
  /** Marks a list begun with `begin` as complete. */
  complete(network: Network): void;
  ages(now: number): ListAge[];
}

interface Entry {
  meta: ListMeta;
  loaded: boolean;
  prefixes: number;
}

function toAge({ meta, loaded, prefixes }: Entry, now: number): ListAge {
  const { network, name, source, snapshotAt } = meta;
  const ageMs = now - Date.parse(snapshotAt);
  return { network, name, source, snapshotAt, ageMs, loaded, prefixes };
}

/** An index holding `lists`; more can be added later. */
export function createNetworkIndex(lists: readonly NetworkList[] = []): NetworkIndex {
  const map = new PrefixMap<Network>();
  const entries = new Map<Network, Entry>();
  const index: NetworkIndex = {
    lookup: (address) => map.get(address) ?? 'other',
    add({ prefixes, ...meta }) {
      index.begin(meta);
      index.addSlice(meta.network, prefixes);
      index.complete(meta.network);
    },
    begin(meta) {
      entries.set(meta.network, { meta, loaded: false, prefixes: 0 });
    },
    addSlice(network, prefixes) {
      for (const prefix of prefixes) map.add(prefix, network);
      const entry = entries.get(network);
      if (entry) entry.prefixes += prefixes.length;
    },
    complete(network) {
      const entry = entries.get(network);
      if (entry) entry.loaded = true;
    },
    ages: (now) => [...entries.values()].map((entry) => toAge(entry, now)),
  };
  for (const list of lists) index.add(list);
  return index;
}
