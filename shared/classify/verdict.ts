/**
 * A rule's decision about one fetch. Kind and who come from the rule table,
 * so a rule cannot claim an outcome its row does not state.
 */
import type { Confidence, Who } from '../domain';
import { type Outcome, type RuleCode, ruleOf } from './rules';

/** What one fetch was, by which rule, and why. */
export interface Verdict {
  rule: RuleCode;
  kind: Outcome;
  who: Who;
  confidence: Confidence;
  /** `rule:<code>` first, then the evidence. */
  reasons: string[];
}

/** The verdict of rule `code` with its confidence and evidence. */
export function verdict(code: RuleCode, confidence: Confidence, evidence: string[]): Verdict {
  const { outcome, who } = ruleOf(code);
  return { rule: code, kind: outcome, who, confidence, reasons: [`rule:${code}`, ...evidence] };
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/** The same verdict one step less sure, saying why. */
export function lowered(decided: Verdict, reason: string): Verdict {
  const confidence = LOWER[decided.confidence];
  return { ...decided, confidence, reasons: [...decided.reasons, reason] };
}
