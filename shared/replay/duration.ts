/**
 * Scenario times are offsets from the scenario's start written the way people
 * say them: `90s`, `3h3m`, `1d2h`, `250ms`.
 */

const UNITS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/gy;

/** Milliseconds in `text`, or null when it is not a duration like `1h30m`. */
export function parseDuration(text: string): number | null {
  if (text === '') return null;
  PART.lastIndex = 0;
  let total = 0;
  let match = PART.exec(text);
  while (match) {
    total += Number(match[1]) * (UNITS[match[2] ?? ''] ?? 0);
    if (PART.lastIndex === text.length) return Math.round(total);
    match = PART.exec(text);
  }
  return null;
}

/** `ms` written as a duration, largest units first: 183000 becomes `3m3s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  let text = '';
  for (const [unit, size] of Object.entries(UNITS)) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return `${sign}${text || '0s'}`;
}
