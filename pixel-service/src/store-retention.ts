/**
 * Retention: how long fetches and signals are kept, per user (30, 90 or 365
 * days), enforced by Firestore's TTL policy on `expireAt`.
 *
 * The pixel never reads, so it cannot know the owner's setting. It stamps a
 * fetch `provisional`, expiring after the shortest choice; the sweep (a daily
 * job) then gives it the expiry its link's retention asks for, and deletes
 * fetches of links that are gone or opted out. If the sweep stops, fetches are
 * forgotten early, never kept longer than their owner chose. Changing the
 * setting re-stamps everything already stored.
 */
import {
  type BulkWriter,
  FieldPath,
  FieldValue,
  type Firestore,
  type QueryDocumentSnapshot,
  Timestamp,
} from '@google-cloud/firestore';
import type { RetentionDays } from '../../shared/contract';
import { retentionOf } from './store-settings';

export const DAY_MS = 86_400_000;
/** What the pixel stamps: the shortest retention anyone can choose. */
export const PROVISIONAL_DAYS = 30;
const LINK_PAGE = 100;

export interface RetentionCounts {
  restamped: number;
  deleted: number;
}

export function expiryOf(at: number, days: number): Timestamp {
  return Timestamp.fromMillis(at + days * DAY_MS);
}

/** Re-stamps every fetch and signal of the owner's links; what is now past it goes at once. */
export async function applyRetention(
  db: Firestore,
  ownerSub: string,
  days: RetentionDays,
  now: number,
): Promise<RetentionCounts> {
  const writer = db.bulkWriter();
  const counts = { restamped: 0, deleted: 0 };
  let after: QueryDocumentSnapshot | undefined;
  for (;;) {
    let query = db
      .collection('links')
      .where('ownerSub', '==', ownerSub)
      .orderBy(FieldPath.documentId())
      .select()
      .limit(LINK_PAGE);
    if (after) query = query.startAfter(after);
    const page = await query.get();
    await Promise.all(page.docs.map((link) => restampLink(writer, link, days, now, counts)));
    after = page.docs.at(-1);
    if (page.size < LINK_PAGE) break;
  }
  await writer.close();
  return counts;
}

async function restampLink(
  writer: BulkWriter,
  link: QueryDocumentSnapshot,
  days: RetentionDays,
  now: number,
  counts: RetentionCounts,
) {
  ignoreGone(writer.update(link.ref, { retentionDays: days }));
  const [fetches, signals] = await Promise.all(
    ['fetches', 'signals'].map((name) => link.ref.collection(name).select('at').get()),
  );
  for (const doc of [...(fetches?.docs ?? []), ...(signals?.docs ?? [])]) {
    restamp(writer, doc, days, now, counts);
  }
}

function restamp(
  writer: BulkWriter,
  doc: QueryDocumentSnapshot,
  days: number,
  now: number,
  counts: RetentionCounts,
) {
  const at = doc.get('at');
  const expireAt = expiryOf(at instanceof Timestamp ? at.toMillis() : 0, days);
  if (expireAt.toMillis() <= now) {
    counts.deleted += 1;
    ignoreGone(writer.delete(doc.ref));
    return;
  }
  counts.restamped += 1;
  ignoreGone(writer.update(doc.ref, { expireAt, provisional: FieldValue.delete() }));
}

/** A document TTL or its owner deleted meanwhile needs no new expiry. */
function ignoreGone(write: Promise<unknown>) {
  write.catch(() => undefined);
}

interface LinkFacts {
  retentionDays: RetentionDays;
  gone: boolean;
}

/**
 * Settles up to `limit` provisional fetches: each gets its link's retention,
 * and fetches of deleted or opted-out links are deleted. Returns what it did
 * and whether more may be waiting.
 */
export async function sweepFetches(
  db: Firestore,
  options: { now: number; defaultRetention: RetentionDays; limit: number },
): Promise<RetentionCounts & { more: boolean }> {
  const snap = await db
    .collectionGroup('fetches')
    .where('provisional', '==', true)
    .limit(options.limit)
    .get();
  const links = await linkFacts(db, snap.docs, options.defaultRetention);
  const writer = db.bulkWriter();
  const counts = { restamped: 0, deleted: 0 };
  for (const doc of snap.docs) {
    const link = links.get(String(doc.get('linkId')));
    if (!link || link.gone) {
      counts.deleted += 1;
      ignoreGone(writer.delete(doc.ref));
    } else {
      restamp(writer, doc, link.retentionDays, options.now, counts);
    }
  }
  await writer.close();
  return { ...counts, more: snap.size === options.limit };
}

async function linkFacts(
  db: Firestore,
  fetches: QueryDocumentSnapshot[],
  fallback: RetentionDays,
): Promise<Map<string, LinkFacts>> {
  const ids = [...new Set(fetches.map((doc) => String(doc.get('linkId'))))];
  const facts = new Map<string, LinkFacts>();
  if (ids.length === 0) return facts;
  const snaps = await db.getAll(...ids.map((id) => db.collection('links').doc(id)));
  for (const snap of snaps) {
    facts.set(snap.id, {
      retentionDays: retentionOf(snap.get('retentionDays'), fallback),
      gone: !snap.exists || snap.get('optedOutAt') !== undefined,
    });
  }
  return facts;
}
