/**
 * One user's data as one document: settings, links, and every fetch and
 * signal stored under them, with their expiry. A part of the store (see
 * store.ts).
 */
import type { DocumentData, Firestore, QueryDocumentSnapshot } from '@google-cloud/firestore';
import { Timestamp } from '@google-cloud/firestore';
import type { Export, ExportedLink, RetentionDays } from '../../shared/contract';
import { readSettings, retentionOf } from './store-settings';

const iso = (value: unknown) =>
  new Date(value instanceof Timestamp ? value.toMillis() : 0).toISOString();

export async function exportOwner(
  db: Firestore,
  ownerSub: string,
  defaultRetention: RetentionDays,
): Promise<Pick<Export, 'settings' | 'links'>> {
  const settings = await readSettings(db, ownerSub, defaultRetention);
  const links = await db
    .collection('links')
    .where('ownerSub', '==', ownerSub)
    .orderBy('createdAt', 'desc')
    .get();
  return {
    settings,
    links: await Promise.all(links.docs.map((doc) => exportLink(doc, settings.retentionDays))),
  };
}

async function exportLink(
  doc: QueryDocumentSnapshot,
  fallback: RetentionDays,
): Promise<ExportedLink> {
  const data = doc.data();
  const [fetches, signals] = await Promise.all([
    doc.ref.collection('fetches').orderBy('at').get(),
    doc.ref.collection('signals').orderBy('at').get(),
  ]);
  return {
    id: doc.id,
    label: String(data.label ?? ''),
    recipients: Array.isArray(data.recipients) ? data.recipients.map(String) : [],
    createdAt: iso(data.createdAt),
    retentionDays: retentionOf(data.retentionDays, fallback),
    optedOutAt: data.optedOutAt ? iso(data.optedOutAt) : null,
    fetches: fetches.docs.map((f) => exportFetch(f.id, f.data())),
    signals: signals.docs.map((s) => exportSignal(s.id, s.data())),
  };
}

function exportFetch(id: string, data: DocumentData): ExportedLink['fetches'][number] {
  return {
    id,
    at: iso(data.at),
    expireAt: iso(data.expireAt),
    method: String(data.method ?? 'GET'),
    userAgent: String(data.userAgent ?? ''),
    headers: (data.headers as Record<string, string>) ?? {},
    network: String(data.network ?? 'other'),
    ipPrefix: String(data.ipPrefix ?? ''),
  };
}

function exportSignal(id: string, data: DocumentData): ExportedLink['signals'][number] {
  return {
    id,
    type: String(data.type),
    at: iso(data.at),
    ...(data.messageAt ? { messageAt: iso(data.messageAt) } : {}),
    expireAt: iso(data.expireAt),
  };
}
