/**
 * Shrinks a list of prefixes to the fewest prefixes covering the same
 * addresses: duplicates and prefixes inside another go, and two halves of
 * one larger prefix become that prefix. Apple's egress list has hundreds of
 * thousands of rows, many of them neighbours split only by city.
 */
import { type Address, networkOf, PrefixMap, parsePrefix } from './prefix-map';

interface Prefix {
  address: Address;
  length: number;
}

function withoutContained(prefixes: Prefix[]): Prefix[] {
  const sorted = [...prefixes].sort((a, b) => a.length - b.length);
  const seen = new PrefixMap<true>();
  const kept: Prefix[] = [];
  for (const prefix of sorted) {
    // Shorter prefixes are added first, so a hit means this one lies inside.
    if (seen.get(prefix.address)) continue;
    seen.add(`${prefix.address.toString()}/${prefix.length}`, true);
    kept.push(prefix);
  }
  return kept;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mergeSiblings(prefixes: Prefix[]): Prefix[] {
  const byLength = new Map<number, Prefix[]>();
  for (const prefix of prefixes) push(byLength, prefix.length, prefix);
  const merged: Prefix[] = [];
  // Longest first, so a merged parent can merge again one level up.
  for (let length = 128; length >= 0; length -= 1) {
    const level = byLength.get(length) ?? [];
    const byParent = new Map<string, Prefix[]>();
    for (const prefix of level) {
      const parent = `${prefix.address.kind()} ${networkOf(prefix.address, length - 1)}`;
      push(byParent, parent, prefix);
    }
    for (const [parent, children] of byParent) {
      if (length === 0 || children.length < 2) {
        merged.push(...children);
        continue;
      }
      const address = parsePrefix(`${parent.split(' ')[1]}/${length - 1}`).address;
      push(byLength, length - 1, { address, length: length - 1 });
    }
  }
  return merged;
}

function compare(a: Prefix, b: Prefix): number {
  const x = a.address.toByteArray();
  const y = b.address.toByteArray();
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The smallest sorted prefix list covering exactly the addresses of `prefixes`. */
export function aggregatePrefixes(prefixes: readonly string[]): string[] {
  const parsed = prefixes.map((text) => parsePrefix(text));
  return mergeSiblings(withoutContained(parsed))
    .sort(compare)
    .map((p) => `${p.address.toString()}/${p.length}`);
}
