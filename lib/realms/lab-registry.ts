import { randomBytes } from 'node:crypto';
import type { Clock } from '../store/types';

/** Settings that change what a realm shows without weakening it. */
export interface RealmSettings {
  /** `opaque`: access tokens are random strings the RS checks by introspection (RFC 7662). */
  accessTokenFormat: 'jwt' | 'opaque';
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
 * The live lab realms of this process: creation under a cap, idle expiry, eviction of the
 * longest-idle realm at the cap. The Map is kept in last-seen order (a touch re-inserts), so the
 * first entry is always the longest idle and every operation is O(1).
 */
export class LabRegistry {
  private readonly realms = new Map<string, LabRealmRecord>();
  private readonly clock: Clock;
  readonly cap: number;
  readonly idleSeconds: number;
  readonly evictableAfterSeconds: number;
  /** Called with the id of every realm that ends (deleted, expired, evicted), to drop its keys. */
  onEnd: (id: string) => void = () => {};

  constructor(options: LabRegistryOptions) {
    this.clock = options.clock;
    this.cap = options.cap ?? 2000;
    this.idleSeconds = options.idleSeconds ?? 3600;
    this.evictableAfterSeconds = options.evictableAfterSeconds ?? 900;
  }

  get size(): number {
    this.sweep();
    return this.realms.size;
  }

  expiresAt(record: LabRealmRecord): number {
    return record.lastSeenAt + this.idleSeconds;
  }

  create(input: Pick<LabRealmRecord, 'weaknesses' | 'settings' | 'hmacSecret'>): CreateResult {
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
    return { ok: true, record };
  }

  /** The live realm, its idle clock restarted; undefined when unknown or expired. */
  touch(id: string): LabRealmRecord | undefined {
    const record = this.peek(id);
    if (!record) return undefined;
    record.lastSeenAt = this.clock.nowSeconds();
    this.realms.delete(id);
    this.realms.set(id, record);
    return record;
  }

  /** The live realm without restarting its idle clock. */
  peek(id: string): LabRealmRecord | undefined {
    const record = this.realms.get(id);
    if (!record) return undefined;
    if (this.clock.nowSeconds() >= this.expiresAt(record)) {
      this.end(id);
      return undefined;
    }
    return record;
  }

  delete(id: string): boolean {
    if (!this.realms.has(id)) return false;
    this.end(id);
    return true;
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
