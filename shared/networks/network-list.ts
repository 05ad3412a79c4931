/**
 * A dated snapshot of one published address list, as the project ships it in
 * `shared/networks/snapshots/`. Knowing the source and the date lets readiness
 * report how old each list is and lets the refresh command rewrite it.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const NetworkListSchema = Type.Object({
  network: Type.Union([
    Type.Literal('google'),
    Type.Literal('apple-relay'),
    Type.Literal('microsoft'),
    Type.Literal('yahoo'),
  ]),
  name: Type.String(),
  /** Where the list is published, or what it was compiled from. */
  source: Type.String(),
  /** When the publisher made this copy (or when it was taken), ISO. */
  snapshotAt: Type.String(),
  note: Type.Optional(Type.String()),
  prefixes: Type.Array(Type.String()),
});

/** One network's dated prefix list. */
export type NetworkList = Static<typeof NetworkListSchema>;

/** Checks a parsed snapshot file; the error names the file and the field. */
export function parseNetworkList(value: unknown, file: string): NetworkList {
  const error = Value.Errors(NetworkListSchema, value).First();
  if (error) throw new Error(`${file}: ${error.path || '/'}: ${error.message}`);
  return value as NetworkList;
}
