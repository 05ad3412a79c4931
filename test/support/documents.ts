/** Every document in a test project, for tests that prove something is gone. */
import type { DocumentReference, Firestore } from '@google-cloud/firestore';

export interface StoredDocument {
  path: string;
  data: Record<string, unknown>;
}

async function under(refs: DocumentReference[], found: StoredDocument[]): Promise<void> {
  for (const ref of refs) {
    const snap = await ref.get();
    if (snap.exists) found.push({ path: ref.path, data: snap.data() ?? {} });
    for (const sub of await ref.listCollections()) await under(await sub.listDocuments(), found);
  }
}

/** Documents at any depth, including those under a parent that no longer exists. */
export async function allDocuments(db: Firestore): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  for (const collection of await db.listCollections()) {
    await under(await collection.listDocuments(), found);
  }
  return found;
}
