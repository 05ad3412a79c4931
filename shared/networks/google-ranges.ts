/**
 * Google's published ranges (`goog.json`): every address Google announces,
 * including the ones its image proxy and Apps Script fetch from.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const GoogleRangesSchema = Type.Object({
  creationTime: Type.String(),
  prefixes: Type.Array(
    Type.Object({
      ipv4Prefix: Type.Optional(Type.String()),
      ipv6Prefix: Type.Optional(Type.String()),
    }),
  ),
});

type GoogleRanges = Static<typeof GoogleRangesSchema>;

/** The creation date (ISO, UTC) and prefixes of a `goog.json` document. */
export function parseGoogleRanges(value: unknown): { snapshotAt: string; prefixes: string[] } {
  const error = Value.Errors(GoogleRangesSchema, value).First();
  if (error) throw new Error(`goog.json: ${error.path || '/'}: ${error.message}`);
  const ranges = value as GoogleRanges;
  // Google writes the time without a zone; it is UTC.
  const stamp = /[zZ]|[+-]\d\d:?\d\d$/.test(ranges.creationTime)
    ? ranges.creationTime
    : `${ranges.creationTime}Z`;
  const created = Date.parse(stamp);
  if (Number.isNaN(created)) throw new Error(`goog.json: /creationTime: not a date`);
  const prefixes = ranges.prefixes.flatMap((p) => [p.ipv4Prefix, p.ipv6Prefix]);
  return {
    snapshotAt: new Date(created).toISOString(),
    prefixes: prefixes.filter((p): p is string => p !== undefined),
  };
}
