import { OAuthError } from '../oauth-server/errors';
import { MemoryStore } from '../store/memory-store';
import type { Store } from '../store/types';
import { systemClock, type Clock } from '../store/types';
import { composePoints, selectWeaknesses } from './catalogue';
import { DEMO_DEVICE_INTERVAL, DEMO_LIFETIMES, DEMO_REALM_ID, DEMO_SCOPES, DEMO_USERS, demoClients } from './demo';
import { generateRealmKeys, type RealmKeys } from './keys';
import { DEFAULT_SETTINGS, LabRegistry, type LabRealmRecord, type RealmSettings } from './lab-registry';
import type { PolicyPoints } from './policy-points';
import { scopedStore } from './scoped-store';
import type { ConfiguredRealmDefinition } from './configured';
import type { Realm } from './types';

/** @see ../http/origin.ts */
export { originOf } from '../http/origin';

/**
 * Process-wide state lives on globalThis: Next.js may bundle each route separately (and reloads
 * modules in dev), and every route must see the same keys, store and lab realms.
 */
interface ServerState {
  store: Store;
  clock: Clock;
  keys: Map<string, Promise<RealmKeys>>;
  labs: LabRegistry;
  /** Composed points per lab realm, built once. */
  points: Map<string, Readonly<PolicyPoints>>;
}
const g = globalThis as unknown as { __flowlab?: ServerState };

function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function newState(store: Store, clock: Clock): ServerState {
  const labs = new LabRegistry({ clock, cap: envNumber('FLOWLAB_MAX_LAB_REALMS', 2000) });
  const state: ServerState = { store, clock, keys: new Map(), labs, points: new Map() };
  labs.onEnd = (id) => {
    state.keys.delete(id);
    state.points.delete(id);
  };
  return state;
}

export function serverState(): ServerState {
  g.__flowlab ??= newState(new MemoryStore(), systemClock);
  return g.__flowlab;
}

/**
 * Replaces the process store (tests, or a Redis store when scaled out) and forgets the lab realms,
 * which lived in the old one. `clock` lets tests drive idle expiry.
 */
export function setServerStore(store: Store, clock: Clock = systemClock) {
  const keys = g.__flowlab?.keys.get(DEMO_REALM_ID);
  g.__flowlab = newState(store, clock);
  if (keys) g.__flowlab.keys.set(DEMO_REALM_ID, keys);
}

function keysFor(id: string, lab: LabRealmRecord | undefined): Promise<RealmKeys> {
  const s = serverState();
  let keys = s.keys.get(id);
  if (!keys) {
    keys = generateRealmKeys({ hmacSecret: lab?.hmacSecret, pooled: lab !== undefined });
    s.keys.set(id, keys);
  }
  return keys;
}

function algorithmsOf(keys: RealmKeys): string[] {
  return [...keys.all.map((k) => k.alg), ...(keys.hmac ? [keys.hmac.alg] : [])];
}

const HARDENED = composePoints([]);

/** A lab realm's points, composed once from its weakness names (checked when the realm was created). */
function pointsFor(lab: LabRealmRecord): Readonly<PolicyPoints> {
  const s = serverState();
  let points = s.points.get(lab.id);
  if (!points) {
    const selection = selectWeaknesses(lab.weaknesses);
    if (!selection.ok) throw new OAuthError('server_error', 'This lab realm has an invalid configuration.');
    points = composePoints(selection.weaknesses);
    s.points.set(lab.id, points);
  }
  return points;
}

async function buildRealm(id: string, origin: string, lab: LabRealmRecord | undefined): Promise<Realm> {
  const s = serverState();
  const keys = await keysFor(id, lab);
  const segment = encodeURIComponent(id);
  return {
    id,
    origin,
    issuer: `${origin}/as/${segment}`,
    resource: `${origin}/rs/${segment}`,
    clients: new Map(demoClients(origin).map((c) => [c.clientId, c])),
    users: new Map(DEMO_USERS.map((u) => [u.username, u])),
    scopes: DEMO_SCOPES,
    points: lab ? pointsFor(lab) : HARDENED,
    weaknesses: lab?.weaknesses ?? [],
    settings: lab?.settings ?? DEFAULT_SETTINGS,
    algorithms: algorithmsOf(keys),
    lifetimes: DEMO_LIFETIMES,
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
  if (realmId === DEMO_REALM_ID) return buildRealm(DEMO_REALM_ID, origin, undefined);
  const lab = serverState().labs.touch(realmId);
  return lab ? buildRealm(realmId, origin, lab) : undefined;
}

export type { LabRealmRecord, RealmSettings };

/**
 * A realm from a `flowlab-mock` config (lib/realms/configured.ts), bound to `origin`, with this
 * process's store and clock and its own keys (made once per realm id, like `demo`'s).
 */
export async function buildConfiguredRealm(definition: ConfiguredRealmDefinition, origin: string): Promise<Realm> {
  const s = serverState();
  let keys = s.keys.get(definition.id);
  if (!keys) {
    keys = generateRealmKeys({ hmacSecret: definition.hmacSecret });
    s.keys.set(definition.id, keys);
  }
  const resolved = await keys;
  const segment = encodeURIComponent(definition.id);
  return {
    id: definition.id,
    origin,
    issuer: `${origin}/as/${segment}`,
    resource: `${origin}/rs/${segment}`,
    clients: new Map(definition.clients.map((c) => [c.clientId, { ...c, redirectUris: c.redirectUris.map((u) => u.replaceAll('{origin}', origin)) }])),
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
