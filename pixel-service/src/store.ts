/**
 * Storage. This is the only module that talks to Firestore; everything else
 * sees plain values. Data model (see pixel-service/README.md):
 *   links/{linkId}                  owner, label, recipients, createdAt
 *   links/{linkId}/fetches/{id}     one pixel fetch, with expireAt for TTL
 *   links/{linkId}/signals/{id}     one add-on signal, with expireAt for TTL
 *   links/{linkId}/overflow/{day-shard}  fetches beyond the daily cap, counted
 * Counts are derived when a timeline is read, so no fetch ever writes to a
 * document that other fetches of the same link also write.
 */
import { FieldPath, Firestore, Timestamp } from '@google-cloud/firestore';
import type { Fetch, Signal } from '../../shared/domain';
import { WriteGroup } from './write-group';

export interface StoredLink {
  id: string;
  ownerSub: string;
  label: string;
  recipients: string[];
  createdAt: number;
  keyId: string;
}

export interface Activity {
  fetches: Fetch[];
  signals: Signal[];
}

export interface Page {
  limit: number;
  after?: { createdAt: number; id: string };
}

const DAY_MS = 86_400_000;
const CLOSE_TIMEOUT_MS = 5000;
/** Firestore's limit on values in one `in` filter. */
const IN_LIMIT = 30;
/**
 * Counter shards per link and day. Beyond the daily cap a hot link is still
 * fetched hundreds of times a second; spread over 16 documents, and with one
 * write per document per commit, each stays near Firestore's sustained rate
 * of about one write per second.
 */
const OVERFLOW_SHARDS = 16;

export class Store {
  readonly #db: Firestore;
  readonly #retentionMs: number;
  readonly #writes: WriteGroup;

  constructor(db: Firestore, options: { retentionDays: number }) {
    this.#db = db;
    this.#retentionMs = options.retentionDays * DAY_MS;
    this.#writes = new WriteGroup(db);
  }

  async createLink(link: StoredLink): Promise<void> {
    const { id, createdAt, ...rest } = link;
    await this.#links()
      .doc(id)
      .create({ ...rest, createdAt: Timestamp.fromMillis(createdAt) });
  }

  /** The link if it exists and belongs to `ownerSub`; null otherwise. */
  async findLink(id: string, ownerSub: string): Promise<StoredLink | null> {
    const snap = await this.#links().doc(id).get();
    const link = snap.exists ? toLink(snap.id, snap.data() ?? {}) : null;
    return link?.ownerSub === ownerSub ? link : null;
  }

  /** The owner's links, newest first. */
  async listLinks(ownerSub: string, page: Page): Promise<StoredLink[]> {
    let query = this.#links()
      .where('ownerSub', '==', ownerSub)
      .orderBy('createdAt', 'desc')
      .orderBy(FieldPath.documentId(), 'desc');
    if (page.after) {
      query = query.startAfter(Timestamp.fromMillis(page.after.createdAt), page.after.id);
    }
    const snap = await query.limit(page.limit).get();
    return snap.docs.map((doc) => toLink(doc.id, doc.data()));
  }

  /** Every fetch and signal of the given links, with one query per collection per 30 links. */
  async loadActivity(linkIds: string[]): Promise<Map<string, Activity>> {
    const result = new Map<string, Activity>(linkIds.map((id) => [id, emptyActivity()]));
    const chunks = chunk(linkIds, IN_LIMIT);
    const [fetches, signals] = await Promise.all([
      Promise.all(chunks.map((ids) => this.#group('fetches', ids))),
      Promise.all(chunks.map((ids) => this.#group('signals', ids))),
    ]);
    for (const doc of fetches.flat()) result.get(doc.linkId)?.fetches.push(toFetch(doc));
    for (const doc of signals.flat()) result.get(doc.linkId)?.signals.push(toSignal(doc));
    return result;
  }

  /** Stores one fetch; concurrent fetches share one commit. Idempotent by fetch id. */
  recordFetch(fetch: Fetch): Promise<void> {
    const { id, linkId, at, ...rest } = fetch;
    const ref = this.#links().doc(linkId).collection('fetches').doc(id);
    return this.#writes.set(ref, { ...rest, linkId, ...this.#times(at) });
  }

  /** Counts a fetch beyond the daily cap without storing it one by one. */
  countFetch(fetch: Fetch): Promise<void> {
    const day = new Date(fetch.at).toISOString().slice(0, 10);
    const shard = Math.floor(Math.random() * OVERFLOW_SHARDS);
    const ref = this.#links().doc(fetch.linkId).collection('overflow').doc(`${day}-${shard}`);
    const expireAt = Timestamp.fromMillis(Date.parse(day) + DAY_MS + this.#retentionMs);
    const data = { linkId: fetch.linkId, day, expireAt };
    return this.#writes.increment(ref, { field: 'count', by: 1 }, data);
  }

  /** How many fetches of a link were counted beyond the daily cap, all days together. */
  async countedBeyondCap(linkId: string): Promise<number> {
    const snap = await this.#links().doc(linkId).collection('overflow').get();
    return snap.docs.reduce((sum, doc) => sum + Number(doc.get('count') ?? 0), 0);
  }

  async recordSignal(signal: Signal): Promise<void> {
    const { id, linkId, at, messageAt, ...rest } = signal;
    const ref = this.#links().doc(linkId).collection('signals').doc(id);
    const message = messageAt === undefined ? {} : { messageAt: Timestamp.fromMillis(messageAt) };
    await ref.set({ ...rest, linkId, ...message, ...this.#times(at) });
  }

  /** Deletes a link with its fetches and signals. */
  async deleteLink(id: string): Promise<void> {
    await this.#db.recursiveDelete(this.#links().doc(id));
  }

  /** Deletes every link of an owner, with everything stored under them. */
  async deleteOwner(ownerSub: string): Promise<void> {
    const snap = await this.#links().where('ownerSub', '==', ownerSub).select().get();
    await Promise.all(snap.docs.map((doc) => this.#db.recursiveDelete(doc.ref)));
  }

  /**
   * One cheap unary call, for readiness. A document read would use a
   * streaming call, whose retries reject unobserved if the client is
   * terminated while storage is down.
   */
  async ping(): Promise<void> {
    await this.#db.listCollections();
  }

  /**
   * Waits for pending writes, then closes the client. While storage is down
   * the client would wait for its own retries (up to a minute), longer than
   * Cloud Run allows after SIGTERM; fetches not stored by then have already
   * been dead-lettered by the pixel route.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    });
    const orderly = this.#writes.drain().then(() => this.#db.terminate());
    await Promise.race([orderly, bound]).finally(() => clearTimeout(timer));
  }

  #links() {
    return this.#db.collection('links');
  }

  #times(at: number) {
    return {
      at: Timestamp.fromMillis(at),
      expireAt: Timestamp.fromMillis(at + this.#retentionMs),
    };
  }

  async #group(name: 'fetches' | 'signals', linkIds: string[]) {
    const snap = await this.#db.collectionGroup(name).where('linkId', 'in', linkIds).get();
    return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }) as RawDoc);
  }
}

/** Opens a Firestore client; on a developer machine FIRESTORE_EMULATOR_HOST points it locally. */
export function openStore(options: { projectId: string; retentionDays: number }): Store {
  const db = new Firestore({ projectId: options.projectId, ignoreUndefinedProperties: true });
  return new Store(db, options);
}

type RawDoc = Record<string, unknown> & { id: string; linkId: string };

function toLink(id: string, data: Record<string, unknown>): StoredLink {
  return {
    id,
    ownerSub: String(data.ownerSub),
    label: String(data.label ?? ''),
    recipients: Array.isArray(data.recipients) ? data.recipients.map(String) : [],
    createdAt: millis(data.createdAt),
    keyId: String(data.keyId ?? ''),
  };
}

function toFetch(doc: RawDoc): Fetch {
  return {
    id: doc.id,
    linkId: doc.linkId,
    at: millis(doc.at),
    method: String(doc.method ?? 'GET'),
    userAgent: String(doc.userAgent ?? ''),
    headers: (doc.headers as Record<string, string>) ?? {},
    network: (doc.network as Fetch['network']) ?? 'other',
    ipPrefix: String(doc.ipPrefix ?? ''),
  };
}

function toSignal(doc: RawDoc): Signal {
  const signal: Signal = {
    id: doc.id,
    linkId: doc.linkId,
    type: doc.type as Signal['type'],
    at: millis(doc.at),
  };
  if (doc.messageAt) signal.messageAt = millis(doc.messageAt);
  return signal;
}

function millis(value: unknown): number {
  return value instanceof Timestamp ? value.toMillis() : 0;
}

function emptyActivity(): Activity {
  return { fetches: [], signals: [] };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
