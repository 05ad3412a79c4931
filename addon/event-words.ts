/**
 * How timeline events are named and drawn. One word per idea: the same names
 * appear on the homepage, the timeline and the message card.
 */
import type { Confidence, EventKind, Who } from '../shared/domain';

export const KIND_TITLES: Readonly<Record<EventKind, string>> = {
  activated: 'Link activated',
  inserted: 'Link inserted',
  proxy: 'Proxy cache check',
  opened: 'Email opened',
};

/** Names from Google's Material Symbols, which cards draw as icons. */
export const KIND_ICONS: Readonly<Record<EventKind, string>> = {
  activated: 'bolt',
  inserted: 'add_photo_alternate',
  proxy: 'dns',
  opened: 'drafts',
};

/** What a proxy check means, since "proxy" alone says little to a sender. */
export const KIND_NOTES: Readonly<Record<EventKind, string>> = {
  activated: 'The pixel works from Google’s network.',
  inserted: 'The pixel is in your draft.',
  proxy: 'Delivered: mail infrastructure fetched the image, not a person.',
  opened: 'Someone most likely looked at the message.',
};

export const WHO_WORDS: Readonly<Record<Who, string>> = {
  sender: 'you',
  'recipient-infrastructure': 'the recipient’s mail provider',
  recipient: 'the recipient',
  unknown: 'someone we can’t identify',
};

export const CONFIDENCE_WORDS: Readonly<Record<Confidence, string>> = {
  high: 'high confidence',
  medium: 'medium confidence',
  low: 'low confidence',
};

export function whoLine(who: Who, confidence: Confidence): string {
  return `Most likely ${WHO_WORDS[who]} · ${CONFIDENCE_WORDS[confidence]}`;
}
