/**
 * A user's settings: `settings/{ownerSub}`, one small document. A part of
 * the store (see store.ts): only the store's modules talk to Firestore.
 */
import { type Firestore, Timestamp } from '@google-cloud/firestore';
import { RETENTION_CHOICES, type RetentionDays, type Settings } from '../../shared/contract';

export function settingsRef(db: Firestore, ownerSub: string) {
  return db.collection('settings').doc(ownerSub);
}

/** The owner's settings, with `defaultRetention` for a user who never chose. */
export async function readSettings(
  db: Firestore,
  ownerSub: string,
  defaultRetention: RetentionDays,
): Promise<Settings> {
  const data = (await settingsRef(db, ownerSub).get()).data() ?? {};
  return {
    retentionDays: retentionOf(data.retentionDays, defaultRetention),
    recipientOptOut: data.recipientOptOut === true,
  };
}

export async function writeSettings(
  db: Firestore,
  ownerSub: string,
  settings: Settings,
  at: number,
): Promise<void> {
  await settingsRef(db, ownerSub).set({ ...settings, updatedAt: Timestamp.fromMillis(at) });
}

/** A stored retention if it is still one of the choices, else the fallback. */
export function retentionOf(value: unknown, fallback: RetentionDays): RetentionDays {
  return RETENTION_CHOICES.find((days) => days === value) ?? fallback;
}
