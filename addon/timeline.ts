/** A link's timeline as the user reads it: one row per event, in order. */
import type { LinkDetail, TimelineEvent } from '../shared/contract';
import type { UserContext } from './event';
import { KIND_ICONS, KIND_NOTES, KIND_TITLES, whoLine } from './event-words';
import { recipientsText } from './homepage';
import { describeNotice, describeReasons } from './reasons';
import { formatTime } from './time-format';

const SENDER_VIEW = 'rule:sender-view';

export interface EventRow {
  title: string;
  icon: string;
  time: string;
  note: string;
  who: string;
  reasons: string[];
}

export interface TimelineView {
  id: string;
  label: string;
  recipients: string;
  pixelUrl: string;
  rows: EventRow[];
  hiddenViews: string;
  notices: string[];
}

export function timelineView(detail: LinkDetail, user: UserContext): TimelineView {
  const { link, timeline } = detail;
  const hidden = timeline.ignored.filter((fetch) => fetch.reasons.includes(SENDER_VIEW)).length;
  return {
    id: link.id,
    label: link.label || 'Untitled link',
    recipients: recipientsText(link.recipients),
    pixelUrl: link.pixelUrl,
    rows: [...timeline.events]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((event) => eventRow(event, user)),
    hiddenViews: hiddenViewsText(hidden),
    notices: timeline.notices.map(describeNotice),
  };
}

function eventRow(event: TimelineEvent, user: UserContext): EventRow {
  const repeats =
    event.fetches > 1 ? ` (${event.fetches} times, until ${formatTime(event.lastAt, user)})` : '';
  return {
    title: KIND_TITLES[event.kind],
    icon: KIND_ICONS[event.kind],
    time: `${formatTime(event.at, user)}${repeats}`,
    note: KIND_NOTES[event.kind],
    who: whoLine(event.who, event.confidence),
    reasons: describeReasons(event.reasons),
  };
}

export function hiddenViewsText(count: number): string {
  if (count === 0) return 'None of your own views needed hiding.';
  return count === 1
    ? '1 of your own views was hidden; it never counts as an open.'
    : `${count} of your own views were hidden; they never count as opens.`;
}
