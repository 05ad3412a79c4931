/**
 * Longest-prefix lookup from an address to a value, run on every pixel fetch.
 * Prefixes are grouped by length, each group a hash map keyed by the masked
 * address bytes, so a lookup costs one masking per distinct length (a few
 * dozen at most) instead of a scan over thousands of prefixes. ipaddr.js
 * parses every address and supplies the subnet masks; masking bytes instead
 * of round-tripping CIDR text keeps a lookup to a few microseconds.
 */
import ipaddr from 'ipaddr.js';

/** A parsed IPv4 or IPv6 address, as ipaddr.js returns it. */
export type Address = ipaddr.IPv4 | ipaddr.IPv6;

const masks = { ipv4: new Map<number, number[]>(), ipv6: new Map<number, number[]>() };

/** The subnet mask of a prefix length as bytes, from ipaddr.js, cached. */
function maskOf(kind: 'ipv4' | 'ipv6', length: number): number[] {
  let mask = masks[kind].get(length);
  if (!mask) {
    const family = kind === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6;
    mask = family.subnetMaskFromPrefixLength(length).toByteArray();
    masks[kind].set(length, mask);
  }
  return mask;
}

/** The masked bytes of an address as a compact string, for map keys. */
function keyOf(bytes: number[], mask: number[]): string {
  let key = '';
  for (let i = 0; i < mask.length && mask[i] !== 0; i += 1) {
    key += String.fromCharCode((bytes[i] ?? 0) & (mask[i] ?? 0));
  }
  return key;
}

/** The network address of `address/length`, in ipaddr.js's canonical text. */
export function networkOf(address: Address, length: number): string {
  const mask = maskOf(address.kind(), length);
  const bytes = address.toByteArray().map((byte, i) => byte & (mask[i] ?? 0));
  return ipaddr.fromByteArray(bytes).toString();
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
    const key = keyOf(address.toByteArray(), maskOf(address.kind(), length));
    if (!keys.has(key)) this.count += 1;
    keys.set(key, value);
  }

  /** The value of the longest prefix holding `address`, if any. */
  get(address: Address): T | undefined {
    const kind = address.kind();
    const family = kind === 'ipv4' ? this.v4 : this.v6;
    const bytes = address.toByteArray();
    for (const length of family.lengths) {
      const value = family.byLength.get(length)?.get(keyOf(bytes, maskOf(kind, length)));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** How many distinct prefixes the map holds. */
  get size(): number {
    return this.count;
  }
}
