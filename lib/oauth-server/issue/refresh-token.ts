import { storeKeys, type RefreshTokenRecord } from '../records';
import { opaqueToken } from './random';
import type { Realm } from '../../realms/types';

/**
 * Stores a new opaque refresh token (RFC 6749 §1.5) for `record`. Rotation (RFC 9700 §4.14.2)
 * passes the old record, so the family and its absolute expiry carry over unchanged.
 */
export async function issueRefreshToken(realm: Realm, record: RefreshTokenRecord): Promise<string> {
  const token = opaqueToken();
  const ttl = record.familyExpiresAt - realm.clock.nowSeconds();
  if (ttl > 0) await realm.store.set(storeKeys.refreshToken(token), record, ttl);
  return token;
}

/** A new family: called when a grant first yields a refresh token. */
export function newRefreshFamily(realm: Realm, base: Omit<RefreshTokenRecord, 'familyId' | 'familyExpiresAt'>): RefreshTokenRecord {
  return { ...base, familyId: opaqueToken(16), familyExpiresAt: realm.clock.nowSeconds() + realm.lifetimes.refreshToken };
}
