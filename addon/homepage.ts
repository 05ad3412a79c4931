/** The homepage list: the user's recent links, newest first, one row each. */
import type { LinkList, LinkSummary } from '../shared/contract';
import type { UserContext } from './event';
import { KIND_ICONS, KIND_TITLES } from './event-words';
import { formatTime } from './time-format';

export interface LinkRow {
  id: string;
  label: string;
  recipients: string;
  status: string;
  icon: string;
  opens: string;
}

export interface HomeView {
  rows: LinkRow[];
  nextCursor: string | null;
}

export function homeView(list: LinkList, user: UserContext): HomeView {
  const rows = [...list.links]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .map((link) => linkRow(link, user));
  return { rows, nextCursor: list.nextCursor };
}

export function linkRow(link: LinkSummary, user: UserContext): LinkRow {
  const last = link.last;
  return {
    id: link.id,
    label: link.label || 'Untitled link',
    recipients: recipientsText(link.recipients),
    status: last
      ? `${KIND_TITLES[last.kind]} · ${formatTime(last.at, user)}`
      : `Created ${formatTime(link.createdAt, user)}`,
    icon: last ? KIND_ICONS[last.kind] : 'schedule',
    opens: opensText(link.opens),
  };
}

export function recipientsText(recipients: string[]): string {
  if (recipients.length === 0) return 'No recipients known';
  if (recipients.length <= 2) return recipients.join(', ');
  return `${recipients.slice(0, 2).join(', ')} and ${recipients.length - 2} more`;
}

export function opensText(opens: number): string {
  if (opens === 0) return 'Not opened yet';
  return opens === 1 ? 'Opened once' : `Opened ${opens} times`;
}
