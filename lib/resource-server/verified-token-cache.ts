import type { Realm } from '../realms/types';

/** How many verified tokens a realm's key set remembers; older ones are forgotten first. */
export const VERIFIED_TOKEN_CACHE_SIZE = 1000;

interface Entry<T> {
  value: T;
  exp: number;
  /** What the verdict depended on besides the token and the keys (see {@link contextOf}). */
  context: string;
}

/**
 * Remembers tokens whose signature and claims already checked out, so a client that reuses
 * its access token (the normal case: one token for its whole lifetime) does not pay for an
 * ECDSA verification on every call. Gateways do the same (e.g. Envoy's jwt_authn cache).
 *
 * Safe because: the key is the exact token string (any changed byte is a miss), and an entry
 * answers only for the same realm key set object (new keys, new cache) and the same issuer,
 * audience, algorithm allow-list and weaknesses it was verified under; an entry is dropped once
 * the token's `exp` (plus the allowed skew) has passed; only successes are stored; and revocation
 * is NOT cached — the caller checks it on every request.
 *
 * The token is the map key as received, not a string built from it: a ~1 KB concatenation per
 * lookup and per store, kept alive for the entry's life, was a tenth of the RS's CPU on a token
 * it had not seen (scripts/bench servers, rs-cold).
 */
export class VerifiedTokenCache<T> {
  private readonly byKeys = new WeakMap<object, Map<string, Entry<T>>>();

  constructor(private readonly maxEntries = VERIFIED_TOKEN_CACHE_SIZE) {}

  get(realm: Realm, token: string, toleranceSeconds: number): T | undefined {
    const map = this.byKeys.get(realm.keys);
    const entry = map?.get(token);
    if (!entry || entry.context !== contextOf(realm)) return undefined;
    if (entry.exp + toleranceSeconds <= realm.clock.nowSeconds()) {
      map!.delete(token);
      return undefined;
    }
    return entry.value;
  }

  set(realm: Realm, token: string, value: T, exp: number): void {
    let map = this.byKeys.get(realm.keys);
    if (!map) {
      map = new Map();
      this.byKeys.set(realm.keys, map);
    }
    // Map keeps insertion order: the first key is the oldest entry. A token stored again moves to the end.
    if (!map.delete(token) && map.size >= this.maxEntries) map.delete(map.keys().next().value!);
    map.set(token, { value, exp, context: contextOf(realm) });
  }
}

/** The realm settings a verdict depends on, besides its key set (which picks the map). */
function contextOf(realm: Realm): string {
  return `${realm.issuer}\n${realm.resource}\n${realm.algorithms.join(',')}\n${realm.weaknesses.join(',')}`;
}
