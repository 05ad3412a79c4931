/**
 * Reason codes in plain words, taken from the shared rule table so a card
 * says exactly what the engine decided. The shared tables are plain data,
 * so importing them adds no schema or Node code to the bundle.
 */
import { explainNotice, explainReason } from '../shared/classify/reasons';

/** Plain sentences for the reason codes of one event, in the given order. */
export function describeReasons(codes: readonly string[]): string[] {
  return codes.map(describeReason);
}

/** A code newer than this add-on still reads as something, not as a raw code alone. */
export function describeReason(code: string): string {
  const words = explainReason(code);
  return words === code ? `Other evidence (${code})` : words;
}

/** A link-wide notice in plain words. */
export function describeNotice(code: string): string {
  const words = explainNotice(code);
  return words === code ? `Note from MailPing (${code}).` : words;
}
