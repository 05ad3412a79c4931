/**
 * Pixel tokens: `<keyId>.<linkId>.<mac>`. The link id is 128 random bits; the
 * MAC (HMAC-SHA256 over key id and link id, truncated to 128 bits) lets the
 * pixel route reject forged tokens without touching the database. Keys carry
 * an id so they can rotate: the first configured key signs, all verify.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenKey } from './config';

const ID_BYTES = 16;
const MAC_BYTES = 16;
const PART = /^[A-Za-z0-9_-]{22}$/;
/** Longer input cannot be a token; checked before any parsing work. */
export const TOKEN_MAX_LENGTH = 64;

/** A new random link id: 22 base64url characters. */
export function newLinkId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}

function mac(key: TokenKey, linkId: string): string {
  return createHmac('sha256', key.secret)
    .update(`${key.id}.${linkId}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString('base64url');
}

/** Signs a link id with the current key. */
export function signToken(keys: TokenKey[], linkId: string): string {
  const key = keys[0];
  if (!key) throw new Error('no token key configured');
  return `${key.id}.${linkId}.${mac(key, linkId)}`;
}

/** Returns the link id of a genuine token, or null for anything else. */
export function verifyToken(keys: TokenKey[], token: string): string | null {
  if (token.length > TOKEN_MAX_LENGTH) return null;
  const [keyId, linkId, given, extra] = token.split('.');
  if (extra !== undefined || !keyId || !linkId || !given) return null;
  if (!PART.test(linkId) || !PART.test(given)) return null;
  const key = keys.find((k) => k.id === keyId);
  if (!key) return null;
  // Compare the text, not the decoded bytes: 22 base64url characters carry
  // four spare bits, so several spellings decode to the same MAC.
  const expected = Buffer.from(mac(key, linkId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? linkId : null;
}
