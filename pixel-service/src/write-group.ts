/**
 * Groups concurrent document writes into one commit. A burst of pixel fetches
 * then costs one round trip per tick instead of one per fetch, and a quiet
 * service still commits each fetch on the next turn of the event loop.
 */
import type { DocumentReference, Firestore } from '@google-cloud/firestore';

/** Firestore's limit on writes in one commit. */
const MAX_BATCH = 500;

interface Pending {
  ref: DocumentReference;
  data: Record<string, unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WriteGroup {
  readonly #db: Firestore;
  #queue: Pending[] = [];
  #scheduled = false;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(db: Firestore) {
    this.#db = db;
  }

  /** Resolves once the commit holding this write has succeeded. */
  set(ref: DocumentReference, data: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ref, data, resolve, reject });
      if (this.#queue.length >= MAX_BATCH) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Waits for every queued and in-flight commit to settle. */
  async drain(): Promise<void> {
    this.#flush();
    await Promise.allSettled([...this.#inFlight]);
  }

  #flush(): void {
    this.#scheduled = false;
    const writes = this.#queue.splice(0, MAX_BATCH);
    if (writes.length === 0) return;
    if (this.#queue.length > 0) setImmediate(() => this.#flush());
    const batch = this.#db.batch();
    for (const write of writes) batch.set(write.ref, write.data);
    const commit = batch.commit().then(
      () => {
        for (const write of writes) write.resolve();
      },
      (error: unknown) => {
        for (const write of writes) write.reject(error);
      },
    );
    this.#inFlight.add(commit);
    void commit.finally(() => this.#inFlight.delete(commit));
  }
}
