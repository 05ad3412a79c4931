/**
 * Recipients' opt-outs. `optOuts/{linkId}` is a small collection every
 * instance reloads now and then, so the pixel can skip opted-out links
 * without reading per fetch; the link itself carries `optedOutAt` so its
 * timeline can say so. A part of the store (see store.ts).
 */
import { type Firestore, Timestamp } from '@google-cloud/firestore';

export interface OptOut {
  linkId: string;
  at: number;
}

/**
 * Stops recording a link and deletes what was recorded. False when the link
 * does not exist (any more): nothing is recorded for it then anyway.
 */
export async function optOutLink(db: Firestore, linkId: string, at: number): Promise<boolean> {
  const link = db.collection('links').doc(linkId);
  const snap = await link.get();
  if (!snap.exists) return false;
  if (snap.get('optedOutAt') === undefined) {
    const stamp = Timestamp.fromMillis(at);
    const batch = db.batch();
    batch.set(db.collection('optOuts').doc(linkId), { at: stamp });
    batch.update(link, { optedOutAt: stamp });
    await batch.commit();
  }
  await db.recursiveDelete(link.collection('fetches'));
  return true;
}

/** Opt-outs recorded at or after `sinceMs`, oldest first. */
export async function optOutsSince(db: Firestore, sinceMs: number): Promise<OptOut[]> {
  const snap = await db
    .collection('optOuts')
    .where('at', '>=', Timestamp.fromMillis(sinceMs))
    .orderBy('at')
    .get();
  return snap.docs.map((doc) => ({ linkId: doc.id, at: (doc.get('at') as Timestamp).toMillis() }));
}

/** Deletes the fetches recorded for an opted-out link after it opted out. */
export async function purgeFetches(db: Firestore, linkId: string): Promise<void> {
  await db.recursiveDelete(db.collection('links').doc(linkId).collection('fetches'));
}
