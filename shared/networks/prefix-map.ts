/**
 * Longest-prefix lookup from an address to a value, run on every pixel fetch.
 * Prefixes are grouped by length, each group a hash map keyed by network
 * address, so a lookup costs one masking per distinct length (a few dozen at
 * most) instead of a scan over thousands of prefixes. ipaddr.js does all the
 * parsing and masking.
 */
import ipaddr from 'ipaddr.js';

/** A parsed IPv4 or IPv6 address, as ipaddr.js returns it. */
export type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The network address of `address/length`, in ipaddr.js's canonical text. */
export function networkOf(address: Address, length: number): string {
  const cidr = `${address.toString()}/${length}`;
  return address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(cidr).toString();
}

/** Parses a CIDR prefix into its network address and length; throws on bad text. */
export function parsePrefix(prefix: string): { address: Address; length: number } {
  const text = prefix.trim();
  if (!ipaddr.isValidCIDR(text)) throw new Error(`not a CIDR prefix: ${prefix}`);
  const [address, length] = ipaddr.parseCIDR(text);
  return { address: ipaddr.parse(networkOf(address, length)), length };
}

interface Family<T> {
  /** Distinct lengths, longest first, so the most specific prefix wins. */
  lengths: number[];
  byLength: Map<number, Map<string, T>>;
}

/** A growing map from CIDR prefixes to values with longest-prefix lookup. */
export class PrefixMap<T> {
  private readonly v4: Family<T> = { lengths: [], byLength: new Map() };
  private readonly v6: Family<T> = { lengths: [], byLength: new Map() };
  private count = 0;

  /** Adds one prefix; throws on text ipaddr.js does not accept as CIDR. */
  add(prefix: string, value: T): void {
    const { address, length } = parsePrefix(prefix);
    const family = address.kind() === 'ipv4' ? this.v4 : this.v6;
    let keys = family.byLength.get(length);
    if (!keys) {
      keys = new Map();
      family.byLength.set(length, keys);
      family.lengths.push(length);
      family.lengths.sort((a, b) => b - a);
    }
    if (!keys.has(address.toString())) this.count += 1;
    keys.set(address.toString(), value);
  }

  /** The value of the longest prefix holding `address`, if any. */
  get(address: Address): T | undefined {
    const family = address.kind() === 'ipv4' ? this.v4 : this.v6;
    for (const length of family.lengths) {
      const value = family.byLength.get(length)?.get(networkOf(address, length));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** How many distinct prefixes the map holds. */
  get size(): number {
    return this.count;
  }
}
