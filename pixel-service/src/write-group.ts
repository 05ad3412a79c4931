/**
 * Groups concurrent document writes into one commit. A burst of pixel fetches
 * then costs one round trip per tick instead of one per fetch, and a quiet
 * service still commits each fetch on the next turn of the event loop.
 * Increments of one counter document in the same tick become one write.
 */
import { type DocumentReference, FieldValue, type Firestore } from '@google-cloud/firestore';

/** Firestore's limit on writes in one commit. */
const MAX_BATCH = 500;

interface Increment {
  field: string;
  by: number;
}

interface Pending {
  ref: DocumentReference;
  data: Record<string, unknown>;
  increment?: Increment;
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
    return this.#enqueue({ ref, data });
  }

  /** Adds `by` to a numeric field, merging `data` into the document. */
  increment(
    ref: DocumentReference,
    increment: Increment,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.#enqueue({ ref, data, increment });
  }

  /** Waits for every queued and in-flight commit to settle. */
  async drain(): Promise<void> {
    this.#flush();
    await Promise.allSettled([...this.#inFlight]);
  }

  #enqueue(write: Omit<Pending, 'resolve' | 'reject'>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...write, resolve, reject });
      if (this.#queue.length >= MAX_BATCH) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const writes = this.#queue.splice(0, MAX_BATCH);
    if (writes.length === 0) return;
    if (this.#queue.length > 0) setImmediate(() => this.#flush());
    const commit = this.#batchOf(writes)
      .commit()
      .then(
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

  #batchOf(writes: Pending[]) {
    const batch = this.#db.batch();
    const counters = new Map<string, Pending & { increment: Increment }>();
    for (const write of writes) {
      if (!write.increment) batch.set(write.ref, write.data);
      else {
        const key = `${write.ref.path}#${write.increment.field}`;
        const seen = counters.get(key);
        if (seen) seen.increment.by += write.increment.by;
        else counters.set(key, { ...write, increment: { ...write.increment } });
      }
    }
    for (const { ref, data, increment } of counters.values()) {
      const update = { ...data, [increment.field]: FieldValue.increment(increment.by) };
      batch.set(ref, update, { merge: true });
    }
    return batch;
  }
}
