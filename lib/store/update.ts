import { StoreUnavailableError, type Store } from './types';

/** Thrown when `update()` lost the race this many times in a row: a hot record, answered as 503 (try again). */
export class UpdateContendedError extends StoreUnavailableError {
  constructor(
    readonly key: string,
    readonly attempts: number,
  ) {
    super(`the record changed under ${attempts} attempts to update it`);
    this.name = 'UpdateContendedError';
  }
}

/**
 * Read, compute, compare-and-set, and again on a lost race: an update no concurrent writer can
 * undo (optimistic concurrency, as Redis `WATCH`/`MULTI` or a Lua CAS gives). `change` returns the
 * new value, or `undefined` to leave the record as it is; it may run more than once, so it must
 * not have side effects. Returns what was written (or `undefined` when nothing was).
 */
export async function update<T>(
  store: Store,
  key: string,
  change: (current: T | undefined) => T | undefined,
  ttlSeconds: number,
  attempts = 8,
): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const current: T | undefined = await store.get<T>(key);
    const next = change(current);
    if (next === undefined) return undefined;
    if (await store.compareAndSet(key, current, next, ttlSeconds)) return next;
  }
  throw new UpdateContendedError(key, attempts);
}
