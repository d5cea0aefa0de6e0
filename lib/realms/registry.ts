import { OAuthError } from '../oauth-server/errors';
import { MemoryStore } from '../store/memory-store';
import { RedisLabRegistry } from '../store/redis-lab-registry';
import { RedisStore } from '../store/redis-store';
import { StoreUnavailableError, systemClock, type Clock, type Store } from '../store/types';
import { composePoints, selectWeaknesses } from './catalogue';
import { DEMO_DEVICE_INTERVAL, DEMO_LIFETIMES, DEMO_REALM_ID, DEMO_SCOPES, DEMO_USERS, demoClients } from './demo';
import { LAB_ONLY_USERS, labOnlyClients } from './lab-users';
import { generateRealmKeys, importSharedKeySet, newSharedKeySet, warmExportableKeys, type RealmKeys } from './keys';
import {
  DEFAULT_SETTINGS,
  MemoryLabRegistry,
  type LabRealmRecord,
  type LabRegistry,
  type RealmSettings,
  type SharedKeySets,
} from './lab-registry';
import type { PolicyPoints } from './policy-points';
import { scopedStore } from './scoped-store';
import type { ConfiguredRealmDefinition } from './configured';
import type { Realm } from './types';

/** @see ../http/origin.ts */
export { originOf } from '../http/origin';

/**
 * Process-wide state lives on globalThis: Next.js may bundle each route separately (and reloads
 * modules in dev), and every route must see the same keys, store and lab realms.
 *
 * With `REDIS_URL` set the store is Redis, and so are the lab-realm registry and every realm's key
 * set: any number of instances pointing at one Redis act as one server. `keys` and `points` are
 * then only this instance's caches of what Redis holds.
 */
export interface ServerState {
  store: Store;
  clock: Clock;
  keys: Map<string, CachedKeys>;
  labs: LabRegistry;
  /** Composed points per lab realm, built once. */
  points: Map<string, Readonly<PolicyPoints>>;
  /** `demo` as built per origin, reused while its keys are the same (see resolveRealm). */
  demo: Map<string, { keys: RealmKeys; realm: Realm }>;
}

interface LoadedKeys {
  keys: RealmKeys;
  /** Shared mode: the stored key set these keys were imported from (to re-save it should Redis lose it). */
  stored?: string;
}
interface CachedKeys {
  loaded: Promise<LoadedKeys>;
  checkedAt: number;
}

const g = globalThis as unknown as { __flowlab?: ServerState };

function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** A fresh server state on `store`: Redis → lab realms and keys in Redis too; else in this process. */
export function newServerState(store: Store, clock: Clock = systemClock): ServerState {
  const options = { clock, cap: envNumber('FLOWLAB_MAX_LAB_REALMS', 2000) };
  const labs: LabRegistry = store instanceof RedisStore ? new RedisLabRegistry(store, options) : new MemoryLabRegistry(options);
  warmExportableKeys(labs.sharedKeys !== undefined);
  const state: ServerState = { store, clock, keys: new Map(), labs, points: new Map(), demo: new Map() };
  labs.onEnd = (id) => {
    state.keys.delete(id);
    state.points.delete(id);
  };
  return state;
}

export function serverState(): ServerState {
  g.__flowlab ??= newServerState(storeFromEnvironment(), systemClock);
  return g.__flowlab;
}

/** Makes `state` the process's server state (tests that play two instances sharing one Redis). */
export function setServerState(state: ServerState): ServerState {
  g.__flowlab = state;
  return state;
}

/**
 * Replaces the process store (tests, or a Redis store when scaled out) and forgets the lab realms,
 * which lived in the old one. `clock` lets tests drive idle expiry. Memory to memory, the demo
 * realm keeps its keys (tests reuse tokens across stores); shared keys come from the new store.
 */
export function setServerStore(store: Store, clock: Clock = systemClock): ServerState {
  const previous = g.__flowlab;
  const state = setServerState(newServerState(store, clock));
  const demoKeys = previous?.keys.get(DEMO_REALM_ID);
  if (demoKeys && !previous!.labs.sharedKeys && !state.labs.sharedKeys) state.keys.set(DEMO_REALM_ID, demoKeys);
  return state;
}

/** `REDIS_URL` → the Redis store (DESIGN.md "Scaling out"); unset → memory. */
function storeFromEnvironment(): Store {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return new MemoryStore();
  if (!/^rediss?:\/\//i.test(url)) {
    console.error('[flowlab] REDIS_URL must be a redis:// or rediss:// URL; every request will answer 503 until it is fixed.');
    return unavailableStore('REDIS_URL is not a redis:// URL');
  }
  const store = new RedisStore({
    url,
    keyPrefix: process.env.FLOWLAB_REDIS_PREFIX || undefined,
    commandTimeoutMs: envNumber('FLOWLAB_REDIS_TIMEOUT_MS', 1000),
  });
  console.log(`[flowlab] server state in Redis at ${redactedUrl(url)} (REDIS_URL)`);
  return store;
}

function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://…';
  }
}

function unavailableStore(reason: string): Store {
  const fail = async (): Promise<never> => {
    throw new StoreUnavailableError(reason);
  };
  return { set: fail, setIfAbsent: fail, get: fail, getMany: fail, consume: fail, delete: fail, increment: fail, compareAndSet: fail };
}

/** How often an instance re-reads a shared key set (Redis may have been emptied and refilled meanwhile). */
const KEY_RECHECK_SECONDS = 60;

/** The realm ended (on another instance) while this one was loading its keys. */
class RealmGoneError extends Error {}

function keysFor(s: ServerState, id: string, lab: LabRealmRecord | undefined): Promise<LoadedKeys> {
  const now = s.clock.nowSeconds();
  const cached = s.keys.get(id);
  const shared = s.labs.sharedKeys;
  if (cached && (!shared || now - cached.checkedAt < KEY_RECHECK_SECONDS)) return cached.loaded;
  let loaded: Promise<LoadedKeys>;
  if (!shared) {
    loaded = generateRealmKeys({ hmacSecret: lab?.hmacSecret, pooled: lab !== undefined }).then((keys) => ({ keys }));
  } else if (cached) {
    // A re-check: on any failure keep the keys this instance already has.
    loaded = cached.loaded.then((previous) => loadSharedKeys(shared, id, lab, previous).catch(() => previous));
  } else {
    loaded = loadSharedKeys(shared, id, lab, undefined);
  }
  const entry: CachedKeys = { loaded, checkedAt: now };
  remember(s, s.keys, id, entry);
  // A failed first load (Redis down) must not stay cached: the next request tries again.
  loaded.catch(() => {
    if (s.keys.get(id) === entry) s.keys.delete(id);
  });
  return loaded;
}

/**
 * The realm's key set from Redis, made and stored by the first instance that needs it (HSETNX:
 * of two instances racing, both end up with the winner's). Should Redis have lost it, this
 * instance's own set is offered again, so instances converge instead of each making new keys.
 */
async function loadSharedKeys(
  shared: SharedKeySets,
  id: string,
  lab: LabRealmRecord | undefined,
  previous: LoadedKeys | undefined,
): Promise<LoadedKeys> {
  let stored = await shared.load(id);
  if (stored === undefined) {
    const candidate = previous?.stored ?? (await newSharedKeySet({ pooled: lab !== undefined }));
    stored = await shared.saveIfAbsent(id, candidate, { lab: lab !== undefined });
    if (stored === undefined) throw new RealmGoneError();
  }
  if (previous && previous.stored === stored) return previous;
  return { keys: await importSharedKeySet(stored, { hmacSecret: lab?.hmacSecret }), stored };
}

/**
 * Caches per realm. In memory mode they hold exactly the live realms (onEnd drops the others);
 * with Redis, realms also end on other instances, so the caches are bounded (oldest first out;
 * what is dropped is read again from Redis when needed).
 */
function remember<V>(s: ServerState, map: Map<string, V>, id: string, value: V) {
  map.delete(id);
  map.set(id, value);
  if (!s.labs.sharedKeys) return;
  for (const key of map.keys()) {
    if (map.size <= s.labs.cap + 1) break;
    if (key !== DEMO_REALM_ID) map.delete(key);
  }
}

function algorithmsOf(keys: RealmKeys): string[] {
  return [...keys.all.map((k) => k.alg), ...(keys.hmac ? [keys.hmac.alg] : [])];
}

const HARDENED = composePoints([]);

/** A lab realm's points, composed once from its weakness names (checked when the realm was created). */
function pointsFor(s: ServerState, lab: LabRealmRecord): Readonly<PolicyPoints> {
  let points = s.points.get(lab.id);
  if (!points) {
    const selection = selectWeaknesses(lab.weaknesses);
    if (!selection.ok) throw new OAuthError('server_error', 'This lab realm has an invalid configuration.');
    points = composePoints(selection.weaknesses);
    remember(s, s.points, lab.id, points);
  }
  return points;
}

/** A lab realm's `accessTokenLifetime` setting shortens its access tokens; everything else lives as long as the demo's. */
function lifetimesOf(settings: RealmSettings | undefined): Realm['lifetimes'] {
  const accessToken = settings?.accessTokenLifetime;
  return accessToken === undefined ? DEMO_LIFETIMES : { ...DEMO_LIFETIMES, accessToken };
}

async function buildRealm(s: ServerState, id: string, origin: string, lab: LabRealmRecord | undefined): Promise<Realm> {
  const { keys } = await keysFor(s, id, lab);
  return realmOf(s, id, origin, lab, keys);
}

/** Origins `demo` is kept built for; past this (a client varying `Host`) it is built per request. */
const MAX_DEMO_ORIGINS = 32;

/**
 * `demo` depends only on the origin, this state's store and clock, and its keys: the object built
 * for an origin is reused for as long as the key set is the same one (a Redis re-check that
 * finds other keys makes a new realm). A Realm is never modified once built.
 */
async function demoRealm(s: ServerState, origin: string): Promise<Realm> {
  const { keys } = await keysFor(s, DEMO_REALM_ID, undefined);
  const cached = s.demo.get(origin);
  if (cached && cached.keys === keys) return cached.realm;
  const realm = realmOf(s, DEMO_REALM_ID, origin, undefined, keys);
  if (cached || s.demo.size < MAX_DEMO_ORIGINS) s.demo.set(origin, { keys, realm });
  return realm;
}

function realmOf(s: ServerState, id: string, origin: string, lab: LabRealmRecord | undefined, keys: RealmKeys): Realm {
  const segment = encodeURIComponent(id);
  return {
    id,
    origin,
    issuer: `${origin}/as/${segment}`,
    resource: `${origin}/rs/${segment}`,
    clients: new Map([...demoClients(origin), ...(lab ? labOnlyClients(origin) : [])].map((c) => [c.clientId, c])),
    users: new Map([...DEMO_USERS, ...(lab ? LAB_ONLY_USERS : [])].map((u) => [u.username, u])),
    scopes: DEMO_SCOPES,
    points: lab ? pointsFor(s, lab) : HARDENED,
    weaknesses: lab?.weaknesses ?? [],
    settings: lab?.settings ?? DEFAULT_SETTINGS,
    algorithms: algorithmsOf(keys),
    lifetimes: lifetimesOf(lab?.settings),
    deviceInterval: DEMO_DEVICE_INTERVAL,
    keys,
    store: scopedStore(s.store, id),
    clock: s.clock,
  };
}

/**
 * Resolves `/as/{realmId}` and `/rs/{realmId}`: `demo`, or a live lab realm (whose idle clock
 * restarts with this request). Undefined for an unknown or expired realm.
 */
export async function resolveRealm(realmId: string, origin: string): Promise<Realm | undefined> {
  const s = serverState();
  if (realmId === DEMO_REALM_ID) return demoRealm(s, origin);
  const lab = await s.labs.touch(realmId);
  if (!lab) {
    // Ended, maybe on another instance: drop what this one cached of it.
    s.keys.delete(realmId);
    s.points.delete(realmId);
    return undefined;
  }
  try {
    return await buildRealm(s, realmId, origin, lab);
  } catch (err) {
    if (err instanceof RealmGoneError) return undefined;
    throw err;
  }
}

export type { LabRealmRecord, RealmSettings };

/**
 * A realm from a `flowlab-mock` config (lib/realms/configured.ts), bound to `origin`, with this
 * process's store and clock and its own keys (made once per realm id, like `demo`'s).
 */
export async function buildConfiguredRealm(definition: ConfiguredRealmDefinition, origin: string): Promise<Realm> {
  const s = serverState();
  // The same key cache (and, with Redis, the same shared key set) as every other realm.
  const secret = definition.hmacSecret ? ({ hmacSecret: definition.hmacSecret } as LabRealmRecord) : undefined;
  const { keys: resolved } = await keysFor(s, definition.id, secret);
  const segment = encodeURIComponent(definition.id);
  return {
    id: definition.id,
    origin,
    issuer: `${origin}/as/${segment}`,
    resource: `${origin}/rs/${segment}`,
    clients: new Map(
      definition.clients.map((c) => [c.clientId, { ...c, redirectUris: c.redirectUris.map((u) => u.replaceAll('{origin}', origin)) }]),
    ),
    users: new Map(definition.users.map((u) => [u.username, u])),
    scopes: definition.scopes,
    points: definition.points,
    weaknesses: definition.weaknesses,
    settings: definition.settings,
    algorithms: algorithmsOf(resolved),
    lifetimes: definition.lifetimes,
    deviceInterval: definition.deviceInterval,
    keys: resolved,
    store: scopedStore(s.store, definition.id),
    clock: s.clock,
  };
}
