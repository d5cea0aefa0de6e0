import type { Clock, Store } from './types';
import { systemClock } from './types';

interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * Process-local `Store`. JavaScript runs one callback at a time, so consume() is atomic
 * as long as it never awaits between the read and the delete (it doesn't).
 * Values are structured-cloned so that callers can never mutate stored state by reference.
 */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly clock: Clock;

  constructor(options: { clock?: Clock; maxEntries?: number } = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxEntries = options.maxEntries ?? 200_000;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.nowSeconds()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, value: unknown, ttlSeconds: number) {
    if (this.entries.size >= this.maxEntries) this.evict();
    this.entries.set(key, { value: structuredClone(value), expiresAt: this.clock.nowSeconds() + ttlSeconds });
  }

  /** Drops expired entries, then the oldest tenth if still full: memory stays bounded under load. */
  private evict() {
    const now = this.clock.nowSeconds();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    if (this.entries.size < this.maxEntries) return;
    let drop = Math.ceil(this.maxEntries / 10);
    for (const key of this.entries.keys()) {
      if (drop-- <= 0) break;
      this.entries.delete(key);
    }
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.put(key, value, ttlSeconds);
  }

  async setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, value, ttlSeconds);
    return true;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (structuredClone(entry.value) as T) : undefined;
  }

  async consume<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    return entry.value as T;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const entry = this.live(key);
    const next = (typeof entry?.value === 'number' ? entry.value : 0) + 1;
    if (entry) entry.value = next;
    else this.put(key, next, ttlSeconds);
    return next;
  }
}
