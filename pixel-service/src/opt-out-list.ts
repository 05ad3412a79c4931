/**
 * The links whose recipient opted out, held in memory on every instance so
 * the pixel can skip them without reading the database per fetch. Each
 * instance reloads new opt-outs once per interval (one query, whatever the
 * traffic); the instance that served an opt-out knows it at once. A fetch
 * another instance stores in between is deleted when the owner reads the
 * timeline or by the daily sweep. Memory grows with the number of opt-outs
 * ever made: about 100 bytes each.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { OptOut } from './store-opt-outs';

declare module 'fastify' {
  interface FastifyInstance {
    /** Started by service.ts; tests refresh it by hand. */
    optOuts: OptOutList;
  }
}

export type LoadOptOuts = (sinceMs: number) => Promise<OptOut[]>;

export class OptOutList {
  readonly #ids = new Set<string>();
  readonly #load: LoadOptOuts;
  readonly #log: FastifyBaseLogger;
  #sinceMs = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(load: LoadOptOuts, log: FastifyBaseLogger) {
    this.#load = load;
    this.#log = log;
  }

  has(linkId: string): boolean {
    return this.#ids.has(linkId);
  }

  add(linkId: string): void {
    this.#ids.add(linkId);
  }

  get size(): number {
    return this.#ids.size;
  }

  /**
   * Loads opt-outs made since the last load; one made in the same
   * millisecond as the last load is loaded twice, harmlessly.
   */
  async refresh(): Promise<void> {
    const found = await this.#load(this.#sinceMs);
    for (const optOut of found) {
      this.#ids.add(optOut.linkId);
      this.#sinceMs = Math.max(this.#sinceMs, optOut.at);
    }
  }

  /** Loads now and then every `intervalMs`; a failed load is logged and retried next time. */
  start(intervalMs: number): void {
    const tick = () => {
      this.refresh().catch((error: unknown) => {
        this.#log.warn({ err: error }, 'opt-out list not refreshed');
      });
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
