/**
 * Bounds every storage call the API makes. While Firestore is down its client
 * retries for up to a minute; the add-on would show a spinner all that time.
 * Instead the API answers 503 within the bound, with a message that says so.
 */
import { HttpError } from './errors';
import type { Store } from './store';

const UNAVAILABLE = 'storage is unavailable right now; try again in a minute';
/** gRPC codes that mean storage could not be reached, not that the call was wrong. */
const UNREACHABLE_CODES = new Set([4, 14]);

/** The same store, whose every call answers within `timeoutMs` or fails with a 503. */
export function withDeadline(store: Store, timeoutMs: number): Store {
  return new Proxy(store, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise ? bounded(result, timeoutMs) : result;
      };
    },
  });
}

async function bounded<T>(call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(503, UNAVAILABLE)), timeoutMs);
  });
  try {
    return await Promise.race([call, timeout]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && UNREACHABLE_CODES.has(code)) {
      throw new HttpError(503, UNAVAILABLE);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
