import { Redis, type RedisOptions } from 'ioredis';
import { keyKind } from '../realms/scoped-store';
import { DEFAULT_KIND_LIMITS, DEFAULT_LIMIT } from './kind-limits';
import { CONSUME, DELETE, INCREMENT, PUT } from './redis-scripts';
import { StoreFullError, StoreUnavailableError, type Store } from './types';

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Prefix of every key this store writes (default `flowlab:`), so one Redis can hold several apps. */
  keyPrefix?: string;
  /** Per-kind bounds (see kind-limits.ts); the same defaults as the memory store. */
  limits?: Record<string, number>;
  defaultLimit?: number;
  /** How long one command may take before the request fails closed (default 1,000 ms). */
  commandTimeoutMs?: number;
}

type ScriptCall = (...args: Array<string | number>) => Promise<unknown>;

/** Reply errors that mean "Redis cannot serve right now", not "this command is wrong". */
const TRANSIENT_REPLY = /^(LOADING|BUSY|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|NOREPLICAS|MISCONF)\b/;

/**
 * The ioredis options that make a Redis outage fail fast instead of hanging a request: no offline
 * queue (a command sent while disconnected is refused at once, not queued for later), no
 * per-request retries, a command timeout (a stalled server), and reconnection in the background
 * (capped at 1 s between attempts), so the store recovers by itself when Redis returns.
 */
export function failFastOptions(commandTimeoutMs = 1000): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(commandTimeoutMs, 1000),
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), 1000),
    // No auto-pipelining: it defers each command to batch it with others of the same tick, which a
    // request issuing one command at a time never has. Measured here (a loop of ioredis GETs, 10 in flight):
    // 46,000 GETs/s at 18 µs of client CPU each with it, 100,000/s at 10 µs without.
    enableAutoPipelining: false,
  };
}

/**
 * A `Store` in Redis, shared by every instance that points at the same server. Each operation is
 * one atomic Redis step: `GET`, `MGET` for several keys, or a Lua script (redis-scripts.ts) that
 * does the write together with its per-kind bound (consume = `GETDEL`, setIfAbsent = `SET NX`
 * semantics, counters = `INCR` with the TTL set at creation, compare-and-set on the stored JSON).
 * TTLs are Redis's own (`PX`).
 *
 * Per-kind bounds: as in memory, a full kind refuses a new key ({@link StoreFullError}) and never
 * evicts a live one; the bound is for all instances together. Redis itself should run with
 * `maxmemory-policy noeviction`: an evicting policy could drop a revocation or a spent-code mark.
 * A Redis `OOM` reply is reported as a full store.
 *
 * Failure: any connection error, timeout or transient reply becomes {@link StoreUnavailableError}
 * (→ 503 `temporarily_unavailable`); a read never turns into "absent" because Redis did not answer.
 *
 * Not for Redis Cluster: a script touches a value key and its kind's index, which may hash to
 * different slots.
 */
export class RedisStore implements Store {
  readonly client: Redis;
  readonly prefix: string;
  private readonly limits: Readonly<Record<string, number>>;
  private readonly defaultLimit: number;
  private readonly firstConnection: Promise<void>;
  private settled = false;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.keyPrefix ?? 'flowlab:';
    this.limits = { ...DEFAULT_KIND_LIMITS, ...options.limits };
    this.defaultLimit = options.defaultLimit ?? DEFAULT_LIMIT;
    this.client = new Redis(options.url, failFastOptions(options.commandTimeoutMs));
    this.client.defineCommand('flowlabPut', { numberOfKeys: 2, lua: PUT });
    this.client.defineCommand('flowlabConsume', { numberOfKeys: 2, lua: CONSUME });
    this.client.defineCommand('flowlabDelete', { numberOfKeys: 2, lua: DELETE });
    this.client.defineCommand('flowlabIncrement', { numberOfKeys: 2, lua: INCREMENT });
    let reported = false;
    // Without a listener ioredis prints every failed reconnection; one line per outage is enough.
    this.client.on('error', (err: Error) => {
      if (!reported) console.error(`[flowlab] Redis store: ${err.message} (reconnecting in the background)`);
      reported = true;
    });
    this.client.on('ready', () => (reported = false));
    // Until the first connection attempt ends, commands wait for it (the offline queue is off).
    this.firstConnection = new Promise<void>((resolve) => {
      const done = () => {
        this.settled = true;
        resolve();
      };
      this.client.once('ready', done);
      this.client.once('error', done);
      this.client.once('end', done);
    });
  }

  /** The Redis key of a store key, and of its kind's index. */
  private keys(key: string): [string, string] {
    return [`${this.prefix}v:${key}`, `${this.prefix}kind:${keyKind(key)}`];
  }

  private limitOf(key: string): number {
    return this.limits[keyKind(key)] ?? this.defaultLimit;
  }

  private script(name: string): ScriptCall {
    return (this.client as unknown as Record<string, ScriptCall>)[name].bind(this.client);
  }

  /** Runs one command on {@link client}, mapping every way Redis can fail to the Store's errors (also for the lab registry). */
  async run<R>(command: () => Promise<R>): Promise<R> {
    if (!this.settled && this.client.status !== 'ready') await this.firstConnection;
    try {
      return await command();
    } catch (err) {
      throw translate(err);
    }
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.put(key, value, ttlSeconds, 'set');
  }

  async setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean> {
    return this.put(key, value, ttlSeconds, 'nx');
  }

  async compareAndSet<T>(key: string, expected: T | undefined, next: T, ttlSeconds: number): Promise<boolean> {
    return this.put(key, next, ttlSeconds, 'cas', expected === undefined ? '' : JSON.stringify(expected));
  }

  private async put(key: string, value: unknown, ttlSeconds: number, mode: 'set' | 'nx' | 'cas', expected = ''): Promise<boolean> {
    const [valueKey, index] = this.keys(key);
    const result = await this.run(() =>
      this.script('flowlabPut')(valueKey, index, serialise(value), ttlMs(ttlSeconds), this.limitOf(key), mode, expected),
    );
    if (result === -1) throw new StoreFullError(keyKind(key));
    return result === 1;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.run(() => this.client.get(this.keys(key)[0]));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async getMany<T>(keys: readonly string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    const raw = await this.run(() => this.client.mget(keys.map((key) => this.keys(key)[0])));
    return raw.map((value) => (value === null ? undefined : (JSON.parse(value) as T)));
  }

  async consume<T>(key: string): Promise<T | undefined> {
    const raw = await this.run(() => this.script('flowlabConsume')(...this.keys(key)));
    return typeof raw === 'string' ? (JSON.parse(raw) as T) : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.script('flowlabDelete')(...this.keys(key)));
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const [valueKey, index] = this.keys(key);
    const result = await this.run(() => this.script('flowlabIncrement')(valueKey, index, ttlMs(ttlSeconds), this.limitOf(key)));
    if (result === -1) throw new StoreFullError(keyKind(key));
    return Number(result);
  }

  /** Closes the connection (tests, a clean shutdown). */
  async close(): Promise<void> {
    this.client.disconnect(false);
  }
}

function serialise(value: unknown): string {
  const text = JSON.stringify(value);
  // undefined, a function or a symbol has no JSON form: storing it would read back as something else.
  if (text === undefined) throw new TypeError('The Redis store keeps JSON values only.');
  return text;
}

/** Seconds → the whole milliseconds Redis's `PX` takes; zero or less means "already expired". */
function ttlMs(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds)) throw new RangeError(`A store TTL must be a finite number of seconds, not ${ttlSeconds}.`);
  return ttlSeconds <= 0 ? 0 : Math.max(1, Math.round(ttlSeconds * 1000));
}

function translate(err: unknown): Error {
  if (err instanceof StoreFullError || err instanceof StoreUnavailableError || err instanceof RangeError || err instanceof TypeError)
    return err;
  const e = err instanceof Error ? err : new Error(String(err));
  if (e.name === 'ReplyError') {
    if (e.message.startsWith('OOM')) return new StoreFullError('redis-memory');
    if (TRANSIENT_REPLY.test(e.message)) return new StoreUnavailableError(e.message.split(' ')[0]);
    // Anything else is a bug in a command or a script: let it surface as one.
    return e;
  }
  // Connection closed or refused, stream not writeable (offline queue off), command timed out.
  return new StoreUnavailableError(e.message.slice(0, 120));
}
