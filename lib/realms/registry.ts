import { MemoryStore } from '../store/memory-store';
import type { Store } from '../store/types';
import { systemClock } from '../store/types';
import { DEMO_DEVICE_INTERVAL, DEMO_LIFETIMES, DEMO_REALM_ID, DEMO_SCOPES, DEMO_USERS, HARDENED_POLICIES, demoClients } from './demo';
import { generateRealmKeys, type RealmKeys } from './keys';
import type { Realm } from './types';

/**
 * Process-wide state lives on globalThis: Next.js may bundle each route separately (and
 * reloads modules in dev), and every route must see the same keys and store.
 */
interface ServerState {
  store: Store;
  keys: Map<string, Promise<RealmKeys>>;
}
const g = globalThis as unknown as { __flowlab?: ServerState };

function state(): ServerState {
  g.__flowlab ??= { store: new MemoryStore(), keys: new Map() };
  return g.__flowlab;
}

/** Replaces the process store (tests, or a Redis store when scaled out). */
export function setServerStore(store: Store) {
  state().store = store;
}

function keysFor(realmId: string): Promise<RealmKeys> {
  const s = state();
  let keys = s.keys.get(realmId);
  if (!keys) {
    keys = generateRealmKeys();
    s.keys.set(realmId, keys);
  }
  return keys;
}

/** @see ../http/origin.ts */
export { originOf } from '../http/origin';

/** Resolves `/as/{realmId}` and `/rs/{realmId}`; undefined for an unknown realm. */
export async function resolveRealm(realmId: string, origin: string): Promise<Realm | undefined> {
  if (realmId !== DEMO_REALM_ID) return undefined;
  return {
    id: realmId,
    origin,
    issuer: `${origin}/as/${realmId}`,
    resource: `${origin}/rs/${realmId}`,
    clients: new Map(demoClients(origin).map((c) => [c.clientId, c])),
    users: new Map(DEMO_USERS.map((u) => [u.username, u])),
    scopes: DEMO_SCOPES,
    policies: HARDENED_POLICIES,
    lifetimes: DEMO_LIFETIMES,
    deviceInterval: DEMO_DEVICE_INTERVAL,
    keys: await keysFor(realmId),
    store: state().store,
    clock: systemClock,
  };
}
