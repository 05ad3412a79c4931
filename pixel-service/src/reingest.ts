/**
 * Stores dead-lettered fetches again. Reads the service's own log lines or a
 * Cloud Logging export (`gcloud logging read --format=json`, or a sink's
 * newline-delimited entries) and stores each `fetch dead-lettered` record
 * under its own fetch id, so running it twice stores nothing twice.
 */
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Fetch } from '../../shared/domain';
import { DEAD_LETTER_MESSAGE } from './fetch-recorder';

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

const FetchRecord = Type.Object({
  id: Id,
  linkId: Id,
  at: Type.Integer({ minimum: 0 }),
  method: Type.String({ maxLength: 16 }),
  userAgent: Type.String({ maxLength: 4096 }),
  headers: Type.Record(Type.String(), Type.String({ maxLength: 4096 })),
  network: Type.Union([
    Type.Literal('google'),
    Type.Literal('apple-relay'),
    Type.Literal('microsoft'),
    Type.Literal('yahoo'),
    Type.Literal('other'),
  ]),
  ipPrefix: Type.String({ maxLength: 64 }),
});

export interface DeadLetters {
  fetches: Fetch[];
  /** Dead-letter entries that could not be read, each with where it was. */
  problems: string[];
}

interface Entry {
  where: string;
  entry?: Record<string, unknown>;
  problem?: string;
}

/** Finds the dead-lettered fetches in a log file or export; other entries are skipped. */
export function readDeadLetters(text: string): DeadLetters {
  const found: DeadLetters = { fetches: [], problems: [] };
  for (const { where, entry, problem } of entriesOf(text)) {
    if (!entry) {
      found.problems.push(`${where}: ${problem}`);
      continue;
    }
    const payload = (entry.jsonPayload ?? entry) as Record<string, unknown>;
    if (payload.message !== DEAD_LETTER_MESSAGE) continue;
    const fetch = (payload.deadLetter as { fetch?: unknown } | undefined)?.fetch;
    if (Value.Check(FetchRecord, fetch)) found.fetches.push(fetch);
    else found.problems.push(`${where}: ${describe(fetch)}`);
  }
  return found;
}

/** A JSON array of entries, or one JSON entry per line. */
function entriesOf(text: string): Entry[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const list = JSON.parse(trimmed) as Record<string, unknown>[];
      return list.map((entry, i) => ({ entry, where: `entry ${i + 1}` }));
    } catch (error) {
      return [{ where: 'the file', problem: `not a JSON array: ${(error as Error).message}` }];
    }
  }
  return trimmed.split('\n').flatMap((line, i): Entry[] => {
    if (!line.trim()) return [];
    try {
      return [{ entry: JSON.parse(line) as Record<string, unknown>, where: `line ${i + 1}` }];
    } catch {
      return [{ where: `line ${i + 1}`, problem: 'not JSON' }];
    }
  });
}

function describe(fetch: unknown): string {
  const first = Value.Errors(FetchRecord, fetch).First();
  return first ? `fetch${first.path} ${first.message}` : 'no fetch record';
}

/** Stores each fetch under its own id; resolves to how many were stored. */
export async function reingest(
  recordFetch: (fetch: Fetch) => Promise<void>,
  fetches: Fetch[],
): Promise<number> {
  await Promise.all(fetches.map((fetch) => recordFetch(fetch)));
  return fetches.length;
}
