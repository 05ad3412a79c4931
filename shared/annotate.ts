/**
 * Turns a raw pixel request into the facts that are stored for it. The full
 * client address is reduced here and never leaves this function.
 */
import ipaddr from 'ipaddr.js';
import type { Fetch } from './domain';

export interface RawRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
}

export type FetchFacts = Omit<Fetch, 'id' | 'linkId' | 'at'>;

const VALUE_MAX = 512;
const KEPT =
  /^(accept|accept-language|referer|via|sec-fetch-.*|sec-ch-ua.*|if-none-match|if-modified-since)$/;

/** Reduces a request to the stored fetch facts; never throws. */
export function annotateRequest(request: RawRequest): FetchFacts {
  return {
    method: request.method,
    userAgent: headerValue(request.headers['user-agent']),
    headers: keptHeaders(request.headers),
    network: 'other',
    ipPrefix: truncateAddress(request.ip),
  };
}

/** The address's /24 (IPv4) or /48 (IPv6) network, or '' when it is not an address. */
export function truncateAddress(ip: string): string {
  if (!ipaddr.isValid(ip)) return '';
  const address = ipaddr.process(ip.split('%')[0] ?? '');
  if (address.kind() === 'ipv4') {
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${address}/24`)}/24`;
  }
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address}/48`)}/48`;
}

function keptHeaders(headers: RawRequest['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (KEPT.test(name) && value !== undefined) kept[name] = headerValue(value);
  }
  return kept;
}

function headerValue(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return text.slice(0, VALUE_MAX);
}
