/**
 * The rule table: every rule that can decide what a fetch was, in the order
 * the engine tries them. Each event's first reason is `rule:<code>` of the
 * rule that decided it; `says` is how a card puts it in plain words. The
 * thresholds live in `windows.ts` with the reason for each.
 */
import type { EventKind, Who } from '../domain';

/** What a rule makes of a fetch: an event kind, or hidden. */
export type Outcome = EventKind | 'ignored';

/** One row of the rule table. */
export interface Rule {
  code: string;
  outcome: Outcome;
  who: Who;
  /** The card's sentence for an event this rule decided. */
  says: string;
}

/** Every rule, in the order the engine tries them. */
export const RULES = [
  {
    code: 'add-on-check',
    outcome: 'activated',
    who: 'sender',
    says: 'The add-on checked the new link from Google Apps Script.',
  },
  {
    code: 'repeat-check',
    outcome: 'ignored',
    who: 'sender',
    says: 'The add-on checked the link again.',
  },
  {
    code: 'first-sender-fetch',
    outcome: 'activated',
    who: 'sender',
    says: "The image was first fetched before sending, through Google's network.",
  },
  {
    code: 'inserted-signal',
    outcome: 'inserted',
    who: 'sender',
    says: 'The add-on put the image into your draft.',
  },
  {
    code: 'draft',
    outcome: 'inserted',
    who: 'sender',
    says: 'Your draft showed the image before sending.',
  },
  {
    code: 'sender-view',
    outcome: 'ignored',
    who: 'sender',
    says: 'You were looking at your own message.',
  },
  {
    code: 'prefetch-bot',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: "Gmail's prefetch bot loaded the image on delivery; nobody read it yet.",
  },
  {
    code: 'scanner-agent',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: 'A mail security scanner named itself while checking the message.',
  },
  {
    code: 'apple-privacy',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: 'Apple Mail Privacy Protection fetched the image on delivery.',
  },
  {
    code: 'microsoft-scan',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: 'Microsoft scanned the message (Safe Links style) as it arrived.',
  },
  {
    code: 'multi-agent',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: 'One address fetched as two different clients within seconds: a scanner.',
  },
  {
    code: 'gmail-delivery',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: "Google's image proxy fetched the image as the message was delivered.",
  },
  {
    code: 'gmail-open',
    outcome: 'opened',
    who: 'recipient',
    says: 'The message was opened in Gmail.',
  },
  {
    code: 'yahoo-delivery',
    outcome: 'proxy',
    who: 'recipient-infrastructure',
    says: "Yahoo's image proxy fetched the image as the message arrived.",
  },
  {
    code: 'yahoo-open',
    outcome: 'opened',
    who: 'recipient',
    says: 'The message was opened in Yahoo or AOL Mail.',
  },
  {
    code: 'apple-client',
    outcome: 'opened',
    who: 'recipient',
    says: 'The message was opened in Apple Mail or Outlook for Mac.',
  },
  {
    code: 'mail-client',
    outcome: 'opened',
    who: 'recipient',
    says: 'The message was opened in a mail program such as Outlook or Thunderbird.',
  },
  {
    code: 'no-agent',
    outcome: 'proxy',
    who: 'unknown',
    says: 'Something fetched the image without naming itself: a machine, not a reader.',
  },
  {
    code: 'other-open',
    outcome: 'opened',
    who: 'unknown',
    says: 'A client we do not recognise showed the image; probably an open.',
  },
] as const satisfies readonly Rule[];

/** The code of one rule in the table. */
export type RuleCode = (typeof RULES)[number]['code'];

/** The rule with `code`. */
export function ruleOf(code: RuleCode): Rule {
  const rule = RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
}
