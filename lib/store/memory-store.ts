import { keyKind } from '../realms/scoped-store';
import { DEFAULT_KIND_LIMITS, DEFAULT_LIMIT } from './kind-limits';
import { StoreFullError, systemClock, type Clock, type Store } from './types';

interface Entry {
  value: unknown;
  expiresAt: number;
}

export { DEFAULT_KIND_LIMITS };

/**
 * Process-local `Store`. JavaScript runs one callback at a time, so consume() is atomic as long as it
 * never awaits between the read and the delete (it doesn't). Values are structured-cloned so that
 * callers can never mutate stored state by reference.
 *
 * Bounded per kind: when a kind is full, its expired entries are swept; if it is still full the new
 * entry is refused with {@link StoreFullError}. Live entries are never evicted.
 */
export class MemoryStore implements Store {
  private readonly kinds = new Map<string, Map<string, Entry>>();
  private readonly clock: Clock;
  private readonly limits: Readonly<Record<string, number>>;
  private readonly defaultLimit: number;

  constructor(options: { clock?: Clock; limits?: Record<string, number>; defaultLimit?: number } = {}) {
    this.clock = options.clock ?? systemClock;
    this.limits = { ...DEFAULT_KIND_LIMITS, ...options.limits };
    this.defaultLimit = options.defaultLimit ?? DEFAULT_LIMIT;
  }

  private bucket(key: string): Map<string, Entry> {
    const kind = keyKind(key);
    let map = this.kinds.get(kind);
    if (!map) this.kinds.set(kind, (map = new Map()));
    return map;
  }

  private live(key: string): Entry | undefined {
    const map = this.bucket(key);
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.nowSeconds()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, value: unknown, ttlSeconds: number) {
    const map = this.bucket(key);
    if (!map.has(key)) {
      const kind = keyKind(key);
      const limit = this.limits[kind] ?? this.defaultLimit;
      if (map.size >= limit) this.sweep(map);
      if (map.size >= limit) throw new StoreFullError(kind);
    }
    // Re-inserting keeps the map ordered by last write, which sweep() does not rely on.
    map.set(key, { value: structuredClone(value), expiresAt: this.clock.nowSeconds() + ttlSeconds });
  }

  private sweep(map: Map<string, Entry>) {
    const now = this.clock.nowSeconds();
    for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
  }

  /** Live entries per kind (benchmarks, tests). */
  sizes(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [kind, map] of this.kinds) out[kind] = map.size;
    return out;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  async setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, value, ttlSeconds);
    return true;
  }

  /** A copy of the live value: a string, number, boolean or null is its own copy (cloning one costs time on every RS call). */
  private read<T>(key: string): T | undefined {
    const value = this.live(key)?.value;
    return (typeof value === 'object' && value !== null ? structuredClone(value) : value) as T | undefined;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.read<T>(key);
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    return keys.map((key) => this.read<T>(key));
  }

  async consume<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    if (!entry) return undefined;
    this.bucket(key).delete(key);
    return entry.value as T;
  }

  async delete(key: string): Promise<void> {
    this.bucket(key).delete(key);
  }

  async compareAndSet<T>(key: string, expected: T | undefined, next: T, ttlSeconds: number): Promise<boolean> {
    const entry = this.live(key);
    const same =
      expected === undefined ? entry === undefined : entry !== undefined && JSON.stringify(entry.value) === JSON.stringify(expected);
    if (!same) return false;
    this.put(key, next, ttlSeconds);
    return true;
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const entry = this.live(key);
    const next = (typeof entry?.value === 'number' ? entry.value : 0) + 1;
    if (entry) entry.value = next;
    else this.put(key, next, ttlSeconds);
    return next;
  }
}
