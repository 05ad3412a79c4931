/**
 * Storage. This module and its parts (store-*.ts) are the only ones that
 * talk to Firestore; everything else sees plain values. Data model (see pixel-service/README.md):
 *   links/{linkId}                  owner, label, recipients, createdAt
 *   links/{linkId}/fetches/{id}     one pixel fetch, with expireAt for TTL
 *   links/{linkId}/signals/{id}     one add-on signal, with expireAt for TTL
 *   settings/{ownerSub}             retention and opt-out choice
 *   optOuts/{linkId}                links whose recipient opted out
 *   links/{linkId}/overflow/{day-shard}  fetches beyond the daily cap, counted
 * Counts are derived when a timeline is read, so no fetch ever writes to a
 * document that other fetches of the same link also write.
 */
import { FieldPath, Firestore, Timestamp } from '@google-cloud/firestore';
import type { Export, RetentionDays, Settings } from '../../shared/contract';
import type { Fetch, Signal } from '../../shared/domain';
import { exportOwner } from './store-export';
import { type OptOut, optOutLink, optOutsSince, purgeFetches } from './store-opt-outs';
import {
  applyRetention,
  DAY_MS,
  expiryOf,
  PROVISIONAL_DAYS,
  type RetentionCounts,
  sweepFetches,
} from './store-retention';
import { readSettings, retentionOf, settingsRef, writeSettings } from './store-settings';
import { WriteGroup } from './write-group';

export interface StoredLink {
  id: string;
  ownerSub: string;
  label: string;
  recipients: string[];
  createdAt: number;
  keyId: string;
  /** Stamped at minting from the owner's setting, and re-stamped when it changes. */
  retentionDays?: RetentionDays;
  /** When the recipient opted out; nothing is recorded after. */
  optedOutAt?: number;
}

export interface Activity {
  fetches: Fetch[];
  signals: Signal[];
}

export interface Page {
  limit: number;
  after?: { createdAt: number; id: string };
}

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
  readonly #defaultRetention: RetentionDays;
  readonly #writes: WriteGroup;

  /** `retentionDays` applies to users who have not chosen their own. */
  constructor(db: Firestore, options: { retentionDays: RetentionDays }) {
    this.#db = db;
    this.#defaultRetention = options.retentionDays;
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

  /**
   * Stores one fetch; concurrent fetches share one commit. Idempotent by fetch
   * id. The owner's retention is unknown here, so the fetch is provisional
   * until the sweep settles it (see store-retention.ts).
   */
  recordFetch(fetch: Fetch): Promise<void> {
    const { id, linkId, at, ...rest } = fetch;
    const ref = this.#links().doc(linkId).collection('fetches').doc(id);
    const times = { at: Timestamp.fromMillis(at), expireAt: expiryOf(at, PROVISIONAL_DAYS) };
    return this.#writes.set(ref, { ...rest, linkId, ...times, provisional: true });
  }

  /** Counts a fetch beyond the daily cap without storing it one by one. */
  countFetch(fetch: Fetch): Promise<void> {
    const day = new Date(fetch.at).toISOString().slice(0, 10);
    const shard = Math.floor(Math.random() * OVERFLOW_SHARDS);
    const ref = this.#links().doc(fetch.linkId).collection('overflow').doc(`${day}-${shard}`);
    // Counts name no one, so they follow the service's default retention.
    const expireAt = expiryOf(Date.parse(day) + DAY_MS, this.#defaultRetention);
    const data = { linkId: fetch.linkId, day, expireAt };
    return this.#writes.increment(ref, { field: 'count', by: 1 }, data);
  }

  /** How many fetches of a link were counted beyond the daily cap, all days together. */
  async countedBeyondCap(linkId: string): Promise<number> {
    const snap = await this.#links().doc(linkId).collection('overflow').get();
    return snap.docs.reduce((sum, doc) => sum + Number(doc.get('count') ?? 0), 0);
  }

  async recordSignal(signal: Signal, retentionDays = this.#defaultRetention): Promise<void> {
    const { id, linkId, at, messageAt, ...rest } = signal;
    const ref = this.#links().doc(linkId).collection('signals').doc(id);
    const message = messageAt === undefined ? {} : { messageAt: Timestamp.fromMillis(messageAt) };
    const times = { at: Timestamp.fromMillis(at), expireAt: expiryOf(at, retentionDays) };
    await ref.set({ ...rest, linkId, ...message, ...times });
  }

  /** Deletes a link with its fetches and signals. */
  async deleteLink(id: string): Promise<void> {
    await this.#db.recursiveDelete(this.#links().doc(id));
  }

  /** Deletes every link of an owner, with everything stored under them, and their settings. */
  async deleteOwner(ownerSub: string): Promise<void> {
    const snap = await this.#links().where('ownerSub', '==', ownerSub).select().get();
    const optOuts = this.#db.collection('optOuts');
    await Promise.all(
      snap.docs.flatMap((doc) => [this.#db.recursiveDelete(doc.ref), optOuts.doc(doc.id).delete()]),
    );
    await settingsRef(this.#db, ownerSub).delete();
  }

  readSettings(ownerSub: string): Promise<Settings> {
    return readSettings(this.#db, ownerSub, this.#defaultRetention);
  }

  /** Saves settings; a new retention re-stamps the owner's stored data. */
  async saveSettings(ownerSub: string, settings: Settings, now: number): Promise<RetentionCounts> {
    const before = await this.readSettings(ownerSub);
    await writeSettings(this.#db, ownerSub, settings, now);
    if (before.retentionDays === settings.retentionDays) return { restamped: 0, deleted: 0 };
    return applyRetention(this.#db, ownerSub, settings.retentionDays, now);
  }

  exportOwner(ownerSub: string): Promise<Pick<Export, 'settings' | 'links'>> {
    return exportOwner(this.#db, ownerSub, this.#defaultRetention);
  }

  optOut(linkId: string, at: number): Promise<boolean> {
    return optOutLink(this.#db, linkId, at);
  }

  optOutsSince(sinceMs: number): Promise<OptOut[]> {
    return optOutsSince(this.#db, sinceMs);
  }

  purgeFetches(linkId: string): Promise<void> {
    return purgeFetches(this.#db, linkId);
  }

  /** Settles one page of provisional fetches; see store-retention.ts. */
  sweep(now: number, limit: number) {
    return sweepFetches(this.#db, { now, defaultRetention: this.#defaultRetention, limit });
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

  async #group(name: 'fetches' | 'signals', linkIds: string[]) {
    const snap = await this.#db.collectionGroup(name).where('linkId', 'in', linkIds).get();
    return snap.docs.map((doc) => ({ id: doc.id, ...doc.data() }) as RawDoc);
  }
}

/** Opens a Firestore client; on a developer machine FIRESTORE_EMULATOR_HOST points it locally. */
export function openStore(options: { projectId: string; retentionDays: RetentionDays }): Store {
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
    ...(data.retentionDays ? { retentionDays: retentionOf(data.retentionDays, 90) } : {}),
    ...(data.optedOutAt ? { optedOutAt: millis(data.optedOutAt) } : {}),
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
