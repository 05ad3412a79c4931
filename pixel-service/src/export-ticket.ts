/**
 * Export tickets: `<keyId>.<payload>.<mac>`, a short-lived signed permission
 * to download one user's export without the ID token, so the add-on can open
 * it in the browser. The payload holds the account and the expiry; the MAC
 * (HMAC-SHA256 under a token key, with its own prefix so it can never pass
 * for a pixel token) covers both. Nothing is stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenKey } from './config';

/** Long enough to open in a browser; short enough that a leaked link soon dies. */
export const EXPORT_TICKET_TTL_MS = 10 * 60_000;
const TICKET_MAX_LENGTH = 400;

interface Payload {
  sub: string;
  exp: number;
}

function mac(key: TokenKey, payload: string): string {
  return createHmac('sha256', key.secret)
    .update(`export.${key.id}.${payload}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** A ticket for `sub` that expires at `expiresAt` (epoch ms). */
export function signExportTicket(keys: TokenKey[], sub: string, expiresAt: number): string {
  const key = keys[0];
  if (!key) throw new Error('no token key configured');
  const payload = Buffer.from(JSON.stringify({ sub, exp: expiresAt })).toString('base64url');
  return `${key.id}.${payload}.${mac(key, payload)}`;
}

/** The account a genuine, unexpired ticket is for; null for anything else. */
export function verifyExportTicket(keys: TokenKey[], ticket: string, now: number): string | null {
  if (ticket.length > TICKET_MAX_LENGTH) return null;
  const [keyId, payload, given, extra] = ticket.split('.');
  if (extra !== undefined || !keyId || !payload || !given) return null;
  const key = keys.find((k) => k.id === keyId);
  if (!key) return null;
  const expected = Buffer.from(mac(key, payload));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const parsed = parsePayload(payload);
  return parsed && parsed.exp > now ? parsed.sub : null;
}

function parsePayload(payload: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Payload;
    return typeof value.sub === 'string' && typeof value.exp === 'number' ? value : null;
  } catch {
    return null;
  }
}
