/**
 * Server state behind one small interface: values with a time to live, an atomic
 * consume-once (authorization codes, refresh tokens) and counters (rate limits, device
 * polling). The in-memory implementation is the default; a Redis one can follow without
 * touching the grants because they only speak this interface.
 *
 * Values are JSON-serialisable objects: implementations may store them as strings.
 */
export interface Store {
  /** Stores `value` under `key` for `ttlSeconds`, replacing any previous value. */
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Stores only when `key` is absent; returns whether it stored (Redis `SET NX`). */
  setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean>;
  /** The live value, or undefined when absent or expired. */
  get<T>(key: string): Promise<T | undefined>;
  /** Atomically reads and deletes: of two concurrent callers exactly one gets the value. */
  consume<T>(key: string): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  /** Adds 1 and returns the new count; the TTL is set when the counter is created. */
  increment(key: string, ttlSeconds: number): Promise<number>;
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
