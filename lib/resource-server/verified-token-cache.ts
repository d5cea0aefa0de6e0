import type { Realm } from '../realms/types';

/** How many verified tokens a realm's key set remembers; older ones are forgotten first. */
export const VERIFIED_TOKEN_CACHE_SIZE = 1000;

interface Entry<T> {
  value: T;
  exp: number;
}

/**
 * Remembers tokens whose signature and claims already checked out, so a client that reuses
 * its access token (the normal case: one token for its whole lifetime) does not pay for an
 * ECDSA verification on every call. Gateways do the same (e.g. Envoy's jwt_authn cache).
 *
 * Safe because: the key is the exact token string (any changed byte is a miss), together with
 * everything the verdict depended on — issuer, audience and algorithm allow-list — and the
 * realm's key set object (new keys, new cache); an entry is dropped once the token's `exp`
 * (plus the allowed skew) has passed; only successes are stored; and revocation is NOT cached —
 * the caller checks it on every request.
 */
export class VerifiedTokenCache<T> {
  private readonly byKeys = new WeakMap<object, Map<string, Entry<T>>>();

  constructor(private readonly maxEntries = VERIFIED_TOKEN_CACHE_SIZE) {}

  get(realm: Realm, token: string, toleranceSeconds: number): T | undefined {
    const map = this.byKeys.get(realm.keys);
    const id = cacheId(realm, token);
    const entry = map?.get(id);
    if (!entry) return undefined;
    if (entry.exp + toleranceSeconds <= realm.clock.nowSeconds()) {
      map!.delete(id);
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
    // Map keeps insertion order: the first key is the oldest entry.
    if (map.size >= this.maxEntries) map.delete(map.keys().next().value!);
    map.set(cacheId(realm, token), { value, exp });
  }
}

function cacheId(realm: Realm, token: string): string {
  return `${realm.issuer}\n${realm.resource}\n${realm.algorithms.join(',')}\n${realm.weaknesses.join(',')}\n${token}`;
}
