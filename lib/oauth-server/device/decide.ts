import type { Realm } from '../../realms/types';
import { storeKeys, type DeviceAuthorizationRecord, type SessionRecord } from '../records';

/** RFC 8628 §3.3: the user approves or denies; the polling device then sees the result. */
export async function decideDevice(realm: Realm, deviceCode: string, decision: 'allow' | 'deny', session: SessionRecord): Promise<boolean> {
  const record = await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device(deviceCode));
  if (!record || record.status !== 'pending') return false;
  const ttl = record.expiresAt - realm.clock.nowSeconds();
  if (ttl <= 0) return false;
  const next: DeviceAuthorizationRecord =
    decision === 'allow' ? { ...record, status: 'approved', sub: session.sub, authTime: session.authTime } : { ...record, status: 'denied' };
  await realm.store.set(storeKeys.device(deviceCode), next, ttl);
  return true;
}
