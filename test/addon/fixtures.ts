/** Named timelines the card tests draw. */
import type { Timeline } from '../../shared/contract';

/** A message that went through every step once, and the sender looked twice. */
export const deliveredAndOpened: Timeline = {
  events: [
    {
      at: '2025-03-01T09:00:02.000Z',
      lastAt: '2025-03-01T09:00:02.000Z',
      kind: 'activated',
      who: 'sender',
      confidence: 'high',
      reasons: ['ua:apps-script', 'window:creation'],
      fetches: 1,
    },
    {
      at: '2025-03-01T09:00:05.000Z',
      lastAt: '2025-03-01T09:00:05.000Z',
      kind: 'inserted',
      who: 'sender',
      confidence: 'high',
      reasons: ['signal:inserted'],
      fetches: 1,
    },
    {
      at: '2025-03-01T09:05:00.000Z',
      lastAt: '2025-03-01T09:05:00.000Z',
      kind: 'proxy',
      who: 'recipient-infrastructure',
      confidence: 'high',
      reasons: ['net:apple-relay', 'window:delivery'],
      fetches: 1,
    },
    {
      at: '2025-03-01T14:30:00.000Z',
      lastAt: '2025-03-01T14:45:00.000Z',
      kind: 'opened',
      who: 'recipient',
      confidence: 'medium',
      reasons: ['ua:gmail-prefetch', 'window:later', 'x-new:thing'],
      fetches: 2,
    },
  ],
  ignored: [
    { at: '2025-03-01T09:06:00.000Z', reasons: ['signal:sender-view'] },
    { at: '2025-03-01T10:00:00.000Z', reasons: ['signal:sender-view', 'ua:gmail-prefetch'] },
    { at: '2025-03-01T10:30:00.000Z', reasons: ['ua:scanner'] },
  ],
  notices: ['link:many-recipients'],
};
