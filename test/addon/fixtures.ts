/** Named timelines the card tests draw. */
import type { Timeline } from '../../shared/contract';

const SENDER_VIEW = ['rule:sender-view', 'signal:sender-view', 'net:google'];

/** A message that went through every step once, and the sender looked twice. */
export const deliveredAndOpened: Timeline = {
  events: [
    {
      at: '2025-03-01T09:00:02.000Z',
      lastAt: '2025-03-01T09:00:02.000Z',
      kind: 'activated',
      who: 'sender',
      confidence: 'high',
      reasons: ['rule:add-on-check', 'ua:apps-script', 'net:google'],
      fetches: 1,
    },
    {
      at: '2025-03-01T09:00:05.000Z',
      lastAt: '2025-03-01T09:00:05.000Z',
      kind: 'inserted',
      who: 'sender',
      confidence: 'high',
      reasons: ['rule:inserted-signal', 'signal:inserted'],
      fetches: 1,
    },
    {
      at: '2025-03-01T09:05:00.000Z',
      lastAt: '2025-03-01T09:05:00.000Z',
      kind: 'proxy',
      who: 'recipient-infrastructure',
      confidence: 'high',
      reasons: ['rule:apple-privacy', 'ua:apple-bare', 'net:apple-relay', 'window:device-sync'],
      fetches: 1,
    },
    {
      at: '2025-03-01T14:30:00.000Z',
      lastAt: '2025-03-01T14:45:00.000Z',
      kind: 'opened',
      who: 'recipient',
      confidence: 'medium',
      reasons: [
        'rule:gmail-open',
        'ua:gmail-proxy',
        'net:google',
        'window:after-delivery',
        'repeat:same-source',
        'x-new:thing',
      ],
      fetches: 2,
    },
  ],
  ignored: [
    { at: '2025-03-01T09:06:00.000Z', reasons: SENDER_VIEW },
    { at: '2025-03-01T10:00:00.000Z', reasons: SENDER_VIEW },
    {
      at: '2025-03-01T10:30:00.000Z',
      reasons: ['rule:repeat-check', 'ua:apps-script', 'net:google'],
    },
  ],
  notices: ['reader:another', 'x-new:notice'],
};
