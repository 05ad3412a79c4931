/**
 * The contextual card: the timelines of the MailPing pixels in an opened
 * message. When the message is the user's own, opening it is a sender view,
 * so the add-on reports it (and when the message was sent) before reading the
 * timeline, which then hides that view.
 */
import type { LinkDetail } from '../shared/contract';
import { sameAddress } from './addresses';
import type { ServiceClient } from './client';
import type { UserContext } from './event';
import { findLinkIds } from './pixel-urls';
import { ServiceError } from './service-error';
import { type TimelineView, timelineView } from './timeline';

export interface MessageFacts {
  body: string;
  from: string;
  sentAt: Date;
}

export interface MessageView {
  timelines: TimelineView[];
  /** Pixels of MailPing that belong to someone else, such as another sender. */
  othersLinks: number;
}

export function inspectMessage(
  client: ServiceClient,
  serviceUrl: string,
  message: MessageFacts,
  userEmail: string,
  user: UserContext,
): MessageView {
  const view: MessageView = { timelines: [], othersLinks: 0 };
  for (const id of findLinkIds(message.body, serviceUrl)) {
    const detail = ownTimeline(client, id, message, userEmail);
    if (detail) view.timelines.push(timelineView(detail, user));
    else view.othersLinks += 1;
  }
  return view;
}

/** The link's detail, or null when the link is not this user's. */
function ownTimeline(
  client: ServiceClient,
  id: string,
  message: MessageFacts,
  userEmail: string,
): LinkDetail | null {
  if (sameAddress(message.from, userEmail)) {
    if (!orNotFound(() => recordSenderView(client, id, message))) return null;
    return client.getLink(id);
  }
  const detail = orNotFound(() => client.getLink(id));
  if (!detail) return null;
  // Send-as aliases can't be listed without a restricted scope. Only the
  // link's owner can read it, so a message holding it that no recipient sent
  // is the owner's own, sent from an alias.
  if (detail.link.recipients.some((r) => sameAddress(r, message.from))) return detail;
  recordSenderView(client, id, message);
  return client.getLink(id);
}

function recordSenderView(client: ServiceClient, id: string, message: MessageFacts): true {
  client.recordSignal(id, { type: 'sent', messageAt: message.sentAt.toISOString() });
  // The service stamps the view with its own clock, as it does the fetch.
  client.recordSignal(id, { type: 'sender-view' });
  return true;
}

function orNotFound<T>(call: () => T): T | null {
  try {
    return call();
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
}
