/**
 * What a client (a flow or attack machine, the diagram, the player) knows of a realm: its URLs
 * and which weaknesses it has. Browser-safe: no keys, no store, nothing server-only.
 *
 * `POST /api/realms` answers with this shape (plus `expiresAt`); `demo` is {@link demoRealm}.
 */
export interface RealmDescriptor {
  /** `demo`, or a lab realm's unguessable id. */
  id: string;
  /** `{origin}/as/{id}`: clients still read every endpoint from its discovery document. */
  issuer: string;
  /** `{origin}/rs/{id}`: the resource server, and the `aud` of its access tokens. */
  resource: string;
  /** Catalogue names of the weaknesses switched on (empty = hardened). */
  weaknesses: readonly string[];
}

export const DEMO_REALM = 'demo';

/** The hardened `demo` realm at an origin (the default of every machine). */
export function demoRealm(origin: string): RealmDescriptor {
  return realmAt(origin, DEMO_REALM, []);
}

export function realmAt(origin: string, id: string, weaknesses: readonly string[]): RealmDescriptor {
  const base = origin.replace(/\/+$/, '');
  const segment = encodeURIComponent(id);
  return { id, issuer: `${base}/as/${segment}`, resource: `${base}/rs/${segment}`, weaknesses };
}

/** The path of a resource-server endpoint, e.g. `apiUrl(realm, 'photos')`. */
export function apiUrl(realm: RealmDescriptor, path: string): string {
  return `${realm.resource}/${path.replace(/^\/+/, '')}`;
}

export function hasWeakness(realm: RealmDescriptor, name: string): boolean {
  return realm.weaknesses.includes(name);
}
