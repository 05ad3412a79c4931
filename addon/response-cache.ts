/**
 * Short-lived caching of service answers in the user's cache, so a card that
 * is redrawn moments later costs no request. Every change the user makes bumps
 * a generation number instead of hunting down the keys it affects.
 */
const TTL_SECONDS = 30;
const GENERATION_KEY = 'mailping:generation';
// CacheService refuses values over 100 KB; larger answers are simply not kept.
const MAX_VALUE_CHARS = 90_000;

function userCache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getUserCache();
}

function keyFor(cache: GoogleAppsScript.Cache.Cache, path: string): string {
  const generation = cache.get(GENERATION_KEY) ?? '0';
  return `mailping:${generation}:${path}`;
}

export function readCached(path: string): string | null {
  const cache = userCache();
  return cache.get(keyFor(cache, path));
}

export function writeCached(path: string, text: string): void {
  if (text.length > MAX_VALUE_CHARS) return;
  const cache = userCache();
  cache.put(keyFor(cache, path), text, TTL_SECONDS);
}

export function forgetCached(): void {
  const cache = userCache();
  const next = Number(cache.get(GENERATION_KEY) ?? '0') + 1;
  // Outlives every cached answer, so an old generation can never come back.
  cache.put(GENERATION_KEY, String(next), TTL_SECONDS * 10);
}
