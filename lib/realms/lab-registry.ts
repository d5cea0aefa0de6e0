import { randomBytes } from 'node:crypto';
import type { Clock } from '../store/types';

/** Settings that change what a realm shows without weakening it. */
export interface RealmSettings {
  /** `opaque`: access tokens are random strings the RS checks by introspection (RFC 7662). */
  accessTokenFormat: 'jwt' | 'opaque';
  /** Seconds an access token lives (the demo's 600). Short, so the attack lab can show a token that has really expired. */
  accessTokenLifetime?: number;
  /**
   * Seconds of clock skew the RS tolerates on `exp`/`nbf` (default 30, CLOCK_TOLERANCE_SECONDS): RFC 7519 §4.1.4 allows
   * "some small leeway". 0 is honest in a lab realm, whose AS and RS read one clock.
   */
  clockTolerance?: number;
  /** Other resource servers (RFC 8707 §2 resource indicators, absolute URIs) this AS also issues access tokens for. */
  resources?: string[];
}

export const DEFAULT_SETTINGS: Readonly<RealmSettings> = Object.freeze({ accessTokenFormat: 'jwt' });

/** What the registry keeps of a lab realm (everything else is derived from it on each request). */
export interface LabRealmRecord {
  id: string;
  weaknesses: string[];
  settings: RealmSettings;
  createdAt: number;
  lastSeenAt: number;
  /** The weak HS256 secret, when a weakness needs one: chosen once, at creation. */
  hmacSecret?: string;
}

export interface LabRegistryOptions {
  clock: Clock;
  /** Live lab realms at most (DESIGN.md: 2,000). */
  cap?: number;
  /** A realm expires after this many seconds without a request (1 h). */
  idleSeconds?: number;
  /** At the cap, a realm idle this long may be evicted to make room (15 min). */
  evictableAfterSeconds?: number;
}

export type CreateResult = { ok: true; record: LabRealmRecord } | { ok: false; retryAfter: number };

/** ≥ 128 random bits, base64url (DESIGN.md): 24 bytes = 192 bits, 32 characters. */
export function newRealmId(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Where realm key sets live when instances share state (Redis): each realm's keys are created
 * once, by whichever instance needs them first, and read by all. Opaque JSON here (keys.ts owns
 * the format).
 */
export interface SharedKeySets {
  load(realmId: string): Promise<string | undefined>;
  /**
   * Stores `keySet` unless the realm already has one; returns the realm's key set (ours or the
   * one that won), or undefined when the lab realm has ended meanwhile. `lab: false` (demo): kept
   * without expiry; a lab realm's keys end with it.
   */
  saveIfAbsent(realmId: string, keySet: string, options: { lab: boolean }): Promise<string | undefined>;
}

/**
 * The live lab realms: creation under a cap, idle expiry (DESIGN.md: 1 h), eviction of the
 * longest-idle realm at the cap once it has been idle 15 min. In memory for one process
 * ({@link MemoryLabRegistry}), or in Redis for every instance at once (lib/store/redis-lab-registry.ts).
 */
export interface LabRegistry {
  readonly cap: number;
  readonly idleSeconds: number;
  readonly evictableAfterSeconds: number;
  /** Set when the realms' keys are shared between instances. */
  readonly sharedKeys?: SharedKeySets;
  /** Called with the id of every realm this instance sees end (deleted, expired, evicted), to drop its caches. */
  onEnd: (id: string) => void;
  expiresAt(record: LabRealmRecord): number;
  count(): Promise<number>;
  create(input: Pick<LabRealmRecord, 'weaknesses' | 'settings' | 'hmacSecret'>): Promise<CreateResult>;
  /** The live realm, its idle clock restarted; undefined when unknown or expired. */
  touch(id: string): Promise<LabRealmRecord | undefined>;
  /** The live realm without restarting its idle clock. */
  peek(id: string): Promise<LabRealmRecord | undefined>;
  /** Ends a realm; false when there was none. */
  delete(id: string): Promise<boolean>;
}

/**
 * The lab realms of one process. The Map is kept in last-seen order (a touch re-inserts), so the
 * first entry is always the longest idle and every operation is O(1).
 */
export class MemoryLabRegistry implements LabRegistry {
  private readonly realms = new Map<string, LabRealmRecord>();
  private readonly clock: Clock;
  readonly cap: number;
  readonly idleSeconds: number;
  readonly evictableAfterSeconds: number;
  onEnd: (id: string) => void = () => {};

  constructor(options: LabRegistryOptions) {
    this.clock = options.clock;
    this.cap = options.cap ?? 2000;
    this.idleSeconds = options.idleSeconds ?? 3600;
    this.evictableAfterSeconds = options.evictableAfterSeconds ?? 900;
  }

  /** Live realms, synchronously (benchmarks). */
  get size(): number {
    this.sweep();
    return this.realms.size;
  }

  async count(): Promise<number> {
    return this.size;
  }

  expiresAt(record: LabRealmRecord): number {
    return record.lastSeenAt + this.idleSeconds;
  }

  async create(input: Pick<LabRealmRecord, 'weaknesses' | 'settings' | 'hmacSecret'>): Promise<CreateResult> {
    this.sweep();
    const now = this.clock.nowSeconds();
    if (this.realms.size >= this.cap) {
      const [oldestId, oldest] = this.realms.entries().next().value!;
      const idle = now - oldest.lastSeenAt;
      if (idle < this.evictableAfterSeconds) return { ok: false, retryAfter: this.evictableAfterSeconds - idle };
      this.end(oldestId);
    }
    const record: LabRealmRecord = { id: newRealmId(), ...input, createdAt: now, lastSeenAt: now };
    this.realms.set(record.id, record);
    return { ok: true, record: { ...record } };
  }

  async touch(id: string): Promise<LabRealmRecord | undefined> {
    const record = this.live(id);
    if (!record) return undefined;
    record.lastSeenAt = this.clock.nowSeconds();
    this.realms.delete(id);
    this.realms.set(id, record);
    return { ...record };
  }

  async peek(id: string): Promise<LabRealmRecord | undefined> {
    const record = this.live(id);
    return record && { ...record };
  }

  async delete(id: string): Promise<boolean> {
    if (!this.live(id)) return false;
    this.end(id);
    return true;
  }

  private live(id: string): LabRealmRecord | undefined {
    const record = this.realms.get(id);
    if (!record) return undefined;
    if (this.clock.nowSeconds() >= this.expiresAt(record)) {
      this.end(id);
      return undefined;
    }
    return record;
  }

  private end(id: string) {
    this.realms.delete(id);
    this.onEnd(id);
  }

  /** Drops expired realms from the idle end; stops at the first live one. */
  private sweep() {
    const now = this.clock.nowSeconds();
    for (const [id, record] of this.realms) {
      if (now < this.expiresAt(record)) break;
      this.end(id);
    }
  }
}
