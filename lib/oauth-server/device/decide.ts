import type { Realm } from '../../realms/types';
import { storeKeys, type DeviceAuthorizationRecord, type DeviceDecisionRecord, type SessionRecord } from '../records';

/** The poll keeps an expired record this long (token/device-code.ts); the decision lives as long. */
const DECISION_GRACE = 60;

/**
 * RFC 8628 §3.3: the user approves or denies; the polling device then sees the result. The decision
 * is written once, under its own key with setIfAbsent, so neither a concurrent poll nor a second
 * decision can overwrite it. Returns whether this decision is the one that counts: false when the
 * request is unknown, expired or already decided.
 */
export async function decideDevice(realm: Realm, deviceCode: string, decision: 'allow' | 'deny', session: SessionRecord): Promise<boolean> {
  const record = await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device(deviceCode));
  if (!record) return false;
  const ttl = record.expiresAt - realm.clock.nowSeconds();
  if (ttl <= 0) return false;
  const value: DeviceDecisionRecord =
    decision === 'allow' ? { status: 'approved', sub: session.sub, authTime: session.authTime } : { status: 'denied' };
  return realm.store.setIfAbsent(storeKeys.deviceDecision(deviceCode), value, ttl + DECISION_GRACE);
}
