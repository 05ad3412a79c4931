/**
 * Turns a raw pixel request into the facts a fetch is stored with. This runs
 * on hostile input from anyone on the internet, so it never throws: values are
 * capped and cleaned, and an address it cannot read becomes network `other`.
 * The full address is used once, for the network, and never kept.
 */
import ipaddr from 'ipaddr.js';
import type { Fetch } from './domain';
import type { NetworkIndex } from './networks/network-index';
import { type Address, networkOf } from './networks/prefix-map';

/** A raw request as the service sees it. */
export interface RawRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
}

/** The stored facts of a fetch, without the id, link and time the service adds. */
export type FetchFacts = Pick<Fetch, 'method' | 'userAgent' | 'headers' | 'network' | 'ipPrefix'>;

/** Longest stored header value; real ones are far shorter, abusive ones are not. */
export const HEADER_MAX = 512;

// Headers the rules read, or may read once they learn more. Cookies and
// authorization never reach a pixel and are never stored.
const KEPT = new Set([
  'accept',
  'accept-language',
  'referer',
  'via',
  'if-none-match',
  'if-modified-since',
]);
const KEPT_PREFIXES = ['sec-fetch-', 'sec-ch-ua'];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** A header value made safe to store: one string, capped, well-formed text. */
export function cleanValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return String(joined)
    .slice(0, HEADER_MAX)
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, ' ')
    .trim();
}

function isKept(name: string): boolean {
  return KEPT.has(name) || KEPT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function keptHeaders(raw: RawRequest['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const lower = name.toLowerCase();
    if (!isKept(lower)) continue;
    const clean = cleanValue(value);
    if (clean !== '') kept[lower] = clean;
  }
  return kept;
}

/** The address in `ip`, IPv4-mapped IPv6 read as IPv4; undefined if unreadable. */
export function parseAddress(ip: string): Address | undefined {
  const text = String(ip ?? '').trim();
  // No real address is this long; refuse before the parser sees it.
  if (text.length > 64) return undefined;
  // process() refuses what isValid() refuses; asking isValid() first would
  // parse every good address twice.
  try {
    return ipaddr.process(text);
  } catch {
    return undefined;
  }
}

/** The stored form of an address: its /24 (IPv4) or /48 (IPv6) prefix. */
export function truncateAddress(address: Address): string {
  const length = address.kind() === 'ipv4' ? 24 : 48;
  return `${networkOf(address, length)}/${length}`;
}

function cleanMethod(method: string): string {
  const upper = String(method ?? '')
    .toUpperCase()
    .slice(0, 16);
  return /^[A-Z]+$/.test(upper) ? upper : 'OTHER';
}

function place(ip: string, networks: NetworkIndex): Pick<FetchFacts, 'network' | 'ipPrefix'> {
  try {
    const address = parseAddress(ip);
    if (address) return { network: networks.lookup(address), ipPrefix: truncateAddress(address) };
  } catch {
    // An address the parser accepts but cannot mask (a zone id, say) is unknown.
  }
  return { network: 'other', ipPrefix: '' };
}

/** The facts stored for one pixel request; never throws. */
export function annotateRequest(input: RawRequest, networks: NetworkIndex): FetchFacts {
  const headers = input?.headers ?? {};
  const userAgentName = Object.keys(headers).find((n) => n.toLowerCase() === 'user-agent');
  return {
    method: cleanMethod(input?.method),
    userAgent: cleanValue(userAgentName ? headers[userAgentName] : undefined),
    headers: keptHeaders(headers),
    ...place(input?.ip, networks),
  };
}
