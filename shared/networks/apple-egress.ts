/**
 * Apple's iCloud Private Relay egress list: one row per prefix, then country,
 * region and city. Only the prefix matters here; the rest is dropped.
 */
import ipaddr from 'ipaddr.js';
import { aggregatePrefixes } from './aggregate';

/** The prefixes of an egress CSV; throws naming the first bad line. */
export function parseEgressCsv(text: string): string[] {
  const prefixes: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const first = line.split(',')[0]?.trim() ?? '';
    if (first === '' || first.startsWith('#')) return;
    if (ipaddr.isValidCIDR(first)) prefixes.push(first);
    // A bare address is a prefix of one address.
    else if (ipaddr.isValid(first)) {
      prefixes.push(`${first}/${ipaddr.parse(first).kind() === 'ipv4' ? 32 : 128}`);
    } else throw new Error(`line ${i + 1}: not an address prefix: ${first.slice(0, 60)}`);
  });
  return prefixes;
}

/** The compact prefix set an egress CSV boils down to. */
export function compactEgressCsv(text: string): string[] {
  return aggregatePrefixes(parseEgressCsv(text));
}
