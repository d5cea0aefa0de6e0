import type { Store } from '../store/types';

/**
 * A view of the Store under one realm's prefix: every key a realm's servers write becomes
 * `{realmId}|{key}`, so a code, token, session or device code of one realm is simply absent at
 * another. Realm ids are `demo` or base64url (no `|`), so prefixes cannot collide.
 */
export function scopedStore(store: Store, realmId: string): Store {
  const k = (key: string) => `${realmId}|${key}`;
  return {
    set: (key, value, ttl) => store.set(k(key), value, ttl),
    setIfAbsent: (key, value, ttl) => store.setIfAbsent(k(key), value, ttl),
    get: (key) => store.get(k(key)),
    getMany: (keys) => store.getMany(keys.map(k)),
    consume: (key) => store.consume(k(key)),
    delete: (key) => store.delete(k(key)),
    increment: (key, ttl) => store.increment(k(key), ttl),
    compareAndSet: (key, expected, next, ttl) => store.compareAndSet(k(key), expected, next, ttl),
  };
}

/** The kind of a (scoped or global) key: the part before the first `:` after the realm prefix. */
export function keyKind(key: string): string {
  const rest = key.slice(key.indexOf('|') + 1);
  const colon = rest.indexOf(':');
  return colon < 0 ? rest : rest.slice(0, colon);
}
