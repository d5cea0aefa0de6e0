import { storeKeys } from '../records';
import type { Realm } from '../../realms/types';

/**
 * A grant is everything issued from one authorization (a code, a device approval, a client
 * credentials request). Revoking it kills its refresh tokens and, through `at:{jti}` → grantId,
 * its access tokens, as seen by introspection, userinfo and the resource server.
 */

/** Long enough to outlive every token of the grant (refresh tokens live longest). */
function revocationTtl(realm: Realm): number {
  return Math.max(realm.lifetimes.refreshToken, realm.lifetimes.accessToken);
}

/** RFC 6749 §4.1.2 (code replay), RFC 9700 §4.14 (refresh reuse), RFC 7009 §2.1 (revocation). */
export async function revokeGrant(realm: Realm, grantId: string, reason: string): Promise<void> {
  await realm.store.set(storeKeys.grantRevoked(grantId), { reason, at: realm.clock.nowSeconds() }, revocationTtl(realm));
}

export async function isGrantRevoked(realm: Realm, grantId: string): Promise<boolean> {
  return (await realm.store.get(storeKeys.grantRevoked(grantId))) !== undefined;
}

/** Another key's value and whether the grant is revoked, read in one step (`getMany`: one round trip to Redis). */
export async function readWithRevocation<T>(realm: Realm, key: string, grantId: string): Promise<[T | undefined, boolean]> {
  const [value, mark] = await realm.store.getMany<unknown>([key, storeKeys.grantRevoked(grantId)]);
  return [value as T | undefined, mark !== undefined];
}
