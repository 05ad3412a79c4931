/**
 * MailPing's domain vocabulary, shared by the service, the add-on and the
 * classification engine. Times are epoch milliseconds; the API turns them into
 * ISO strings at its edge.
 */

/** The network a fetch's client address belongs to, decided when it is stored. */
export type Network = 'google' | 'apple-relay' | 'microsoft' | 'yahoo' | 'other';

/** A fact the add-on reports about a link. `created` is implied by the link. */
export type SignalType = 'created' | 'inserted' | 'sent' | 'sender-view';

/** What the timeline shows. */
export type EventKind = 'activated' | 'inserted' | 'proxy' | 'opened';

/** Who most likely caused an event. */
export type Who = 'sender' | 'recipient-infrastructure' | 'recipient' | 'unknown';

export type Confidence = 'high' | 'medium' | 'low';

/** One stored request for a link's pixel. The full client address is never kept. */
export interface Fetch {
  id: string;
  linkId: string;
  at: number;
  method: string;
  userAgent: string;
  /** The request headers a classifier reads, lower-case names. */
  headers: Record<string, string>;
  network: Network;
  /** The client address truncated to /24 (IPv4) or /48 (IPv6), e.g. `203.0.113.0/24`. */
  ipPrefix: string;
}

/** One stored signal. `messageAt` is the sent message's own date, when known. */
export interface Signal {
  id: string;
  linkId: string;
  type: SignalType;
  at: number;
  messageAt?: number;
}

/** The parts of a link that classification reads. */
export interface LinkFacts {
  id: string;
  createdAt: number;
  recipients: string[];
}
