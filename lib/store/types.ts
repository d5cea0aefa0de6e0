/**
 * Server state behind one small interface: values with a time to live, an atomic
 * consume-once (authorization codes, refresh tokens), counters (rate limits, device
 * polling) and compare-and-set (records two requests may rewrite). The in-memory
 * implementation (memory-store.ts) is the default; redis-store.ts shares the state between
 * instances. The grants speak only this interface; `store-contract.ts` is the one test suite
 * both implementations pass.
 *
 * Values are JSON-serialisable: implementations may store them as JSON strings, so a value
 * read back is a copy (a caller can never mutate stored state by reference).
 */
export interface Store {
  /** Stores `value` under `key` for `ttlSeconds`, replacing any previous value. */
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Stores only when `key` is absent; returns whether it stored (Redis `SET NX`). */
  setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean>;
  /** The live value, or undefined when absent or expired. */
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys' live values in one step (Redis `MGET`: one command, one round trip), in the order asked. */
  getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>>;
  /** Atomically reads and deletes: of two concurrent callers exactly one gets the value. */
  consume<T>(key: string): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  /** Adds 1 and returns the new count; the TTL is set when the counter is created. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  /**
   * Atomically replaces the value only if it is still `expected` (compared as JSON; `undefined`
   * = absent), with a fresh TTL; returns whether it replaced. A caller that reads, computes and
   * writes back a record loses no concurrent update: on `false` it reads again (see `update()`).
   */
  compareAndSet<T>(key: string, expected: T | undefined, next: T, ttlSeconds: number): Promise<boolean>;
}

export interface Clock {
  /** Seconds since the epoch, as used in JWT `iat`/`exp`. */
  nowSeconds(): number;
}

export const systemClock: Clock = { nowSeconds: () => Math.floor(Date.now() / 1000) };

/**
 * Thrown when a kind of entry has reached its bound: the store refuses the new entry instead of
 * evicting live ones (which would forget revocations, spent codes and sessions). Handlers map it to
 * `503 temporarily_unavailable` with `Retry-After` (RFC 6749 §5.2).
 */
export class StoreFullError extends Error {
  constructor(readonly kind: string) {
    super(`The store holds as many "${kind}" entries as it may; try again later.`);
    this.name = 'StoreFullError';
  }
}

/**
 * Thrown when the store cannot answer (Redis down, too slow, restarting). Nothing may be assumed
 * about the state, so the request fails closed: handlers map it to `503 temporarily_unavailable`
 * (RFC 6749 §5.2), never to "absent" (which could let a revoked token or a spent code through).
 */
export class StoreUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The server's state store is not reachable right now (${reason}); try again shortly.`);
    this.name = 'StoreUnavailableError';
  }
}
