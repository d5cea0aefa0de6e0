import type { CreateResult, LabRealmRecord, LabRegistry, LabRegistryOptions, SharedKeySets } from '../realms/lab-registry';
import { newRealmId } from '../realms/lab-registry';
import type { Clock } from './types';
import type { RedisStore } from './redis-store';

/**
 * Layout (under the store's prefix): `labs`, a sorted set of live realm ids scored by last-seen
 * time (epoch seconds of the app's clock), and per realm a hash `lab:{id}` with `record` (the JSON
 * record without lastSeenAt) and, once made, `keys` (its key set). The hash expires in Redis a
 * little after the realm would (refreshed on every touch), so an abandoned realm leaves nothing.
 * Each script below is one atomic step: two instances creating at the cap, or touching and
 * evicting the same realm, cannot interleave.
 */
const SWEEP = `
local function sweep(zset, prefix, now, idle)
  local dead = redis.call('ZRANGEBYSCORE', zset, '-inf', now - idle, 'LIMIT', 0, 100)
  for _, id in ipairs(dead) do
    redis.call('ZREM', zset, id)
    redis.call('DEL', prefix .. id)
  end
end
`;

/** KEYS: zset. ARGV: prefix, now, idle, cap, evictable, id, record JSON, hash TTL. → {1, evictedId} | {0, retryAfter}. */
const CREATE = `${SWEEP}
local zset, prefix = KEYS[1], ARGV[1]
local now, idle, cap, evictable = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
sweep(zset, prefix, now, idle)
local evicted = ''
if redis.call('ZCARD', zset) >= cap then
  local oldest = redis.call('ZRANGE', zset, 0, 0, 'WITHSCORES')
  local idleFor = now - tonumber(oldest[2])
  if idleFor < evictable then return {0, evictable - idleFor} end
  evicted = oldest[1]
  redis.call('ZREM', zset, evicted)
  redis.call('DEL', prefix .. evicted)
end
redis.call('ZADD', zset, now, ARGV[6])
redis.call('HSET', prefix .. ARGV[6], 'record', ARGV[7])
redis.call('EXPIRE', prefix .. ARGV[6], ARGV[8])
return {1, evicted}
`;

/** KEYS: zset, hash. ARGV: id, now, idle, touch ('1'|'0'), hash TTL. → {record JSON, lastSeenAt} | false (ended). */
const LOOKUP = `
local zset, hash, id = KEYS[1], KEYS[2], ARGV[1]
local now, idle = tonumber(ARGV[2]), tonumber(ARGV[3])
local seen = redis.call('ZSCORE', zset, id)
if not seen then return false end
local record = redis.call('HGET', hash, 'record')
if now >= tonumber(seen) + idle or not record then
  redis.call('ZREM', zset, id)
  redis.call('DEL', hash)
  return false
end
if ARGV[4] == '1' then
  if now > tonumber(seen) then
    redis.call('ZADD', zset, now, id)
    seen = ARGV[2]
  end
  redis.call('EXPIRE', hash, ARGV[5])
end
return {record, tostring(seen)}
`;

/** KEYS: zset, hash. ARGV: id. → 1 when a realm ended. */
const END = `
local removed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return removed
`;

/** KEYS: zset. ARGV: prefix, now, idle. → live realms. */
const COUNT = `${SWEEP}
sweep(KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
return redis.call('ZCARD', KEYS[1])
`;

/** KEYS: hash. ARGV: key set JSON, '1' when the hash must already exist (a lab realm). → the realm's key set | false. */
const SAVE_KEYS = `
if ARGV[2] == '1' and redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('HSETNX', KEYS[1], 'keys', ARGV[1])
return redis.call('HGET', KEYS[1], 'keys')
`;

type ScriptCall = (...args: Array<string | number>) => Promise<unknown>;

/** Seconds the hash outlives the realm's idle expiry (clock skew between instances). */
const HASH_SLACK_SECONDS = 300;

/**
 * The lab-realm registry in Redis, for every instance at once; the same rules as
 * {@link import('../realms/lab-registry').MemoryLabRegistry} (lab-registry.test.ts runs against
 * both). Also holds each realm's key set ({@link SharedKeySets}), so that all instances sign and
 * verify with the same keys; `demo`'s lives in `lab:demo`, without expiry.
 */
export class RedisLabRegistry implements LabRegistry, SharedKeySets {
  readonly cap: number;
  readonly idleSeconds: number;
  readonly evictableAfterSeconds: number;
  readonly sharedKeys: SharedKeySets = this;
  onEnd: (id: string) => void = () => {};
  private readonly clock: Clock;
  private readonly zset: string;
  private readonly hashPrefix: string;

  constructor(
    private readonly store: RedisStore,
    options: LabRegistryOptions,
  ) {
    this.clock = options.clock;
    this.cap = options.cap ?? 2000;
    this.idleSeconds = options.idleSeconds ?? 3600;
    this.evictableAfterSeconds = options.evictableAfterSeconds ?? 900;
    this.zset = `${store.prefix}labs`;
    this.hashPrefix = `${store.prefix}lab:`;
    for (const [name, lua, keys] of [
      ['flowlabLabCreate', CREATE, 1],
      ['flowlabLabLookup', LOOKUP, 2],
      ['flowlabLabEnd', END, 2],
      ['flowlabLabCount', COUNT, 1],
      ['flowlabLabSaveKeys', SAVE_KEYS, 1],
    ] as const) {
      store.client.defineCommand(name, { numberOfKeys: keys, lua });
    }
  }

  private call(name: string, ...args: Array<string | number>): Promise<unknown> {
    const fn = (this.store.client as unknown as Record<string, ScriptCall>)[name].bind(this.store.client);
    return this.store.run(() => fn(...args));
  }

  private get hashTtl(): number {
    return this.idleSeconds + HASH_SLACK_SECONDS;
  }

  expiresAt(record: LabRealmRecord): number {
    return record.lastSeenAt + this.idleSeconds;
  }

  async count(): Promise<number> {
    return Number(await this.call('flowlabLabCount', this.zset, this.hashPrefix, this.clock.nowSeconds(), this.idleSeconds));
  }

  async create(input: Pick<LabRealmRecord, 'weaknesses' | 'settings' | 'hmacSecret'>): Promise<CreateResult> {
    const now = this.clock.nowSeconds();
    const record: LabRealmRecord = { id: newRealmId(), ...input, createdAt: now, lastSeenAt: now };
    const { lastSeenAt: _, ...kept } = record;
    const [ok, detail] = (await this.call(
      'flowlabLabCreate',
      this.zset,
      this.hashPrefix,
      now,
      this.idleSeconds,
      this.cap,
      this.evictableAfterSeconds,
      record.id,
      JSON.stringify(kept),
      this.hashTtl,
    )) as [number, string | number];
    if (ok !== 1) return { ok: false, retryAfter: Number(detail) };
    if (detail) this.onEnd(String(detail));
    return { ok: true, record };
  }

  touch(id: string): Promise<LabRealmRecord | undefined> {
    return this.lookup(id, true);
  }

  peek(id: string): Promise<LabRealmRecord | undefined> {
    return this.lookup(id, false);
  }

  private async lookup(id: string, touch: boolean): Promise<LabRealmRecord | undefined> {
    const found = (await this.call(
      'flowlabLabLookup',
      this.zset,
      this.hashPrefix + id,
      id,
      this.clock.nowSeconds(),
      this.idleSeconds,
      touch ? '1' : '0',
      this.hashTtl,
    )) as [string, string] | null;
    if (!found) return undefined;
    return { ...(JSON.parse(found[0]) as Omit<LabRealmRecord, 'lastSeenAt'>), lastSeenAt: Number(found[1]) };
  }

  async delete(id: string): Promise<boolean> {
    const removed = Number(await this.call('flowlabLabEnd', this.zset, this.hashPrefix + id, id)) === 1;
    if (removed) this.onEnd(id);
    return removed;
  }

  async load(realmId: string): Promise<string | undefined> {
    const keys = await this.store.run(() => this.store.client.hget(this.hashPrefix + realmId, 'keys'));
    return keys ?? undefined;
  }

  async saveIfAbsent(realmId: string, keySet: string, options: { lab: boolean }): Promise<string | undefined> {
    const saved = await this.call('flowlabLabSaveKeys', this.hashPrefix + realmId, keySet, options.lab ? '1' : '0');
    return typeof saved === 'string' ? saved : undefined;
  }
}
