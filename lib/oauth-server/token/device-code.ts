import { accessDenied, authorizationPending, expiredToken, invalidGrant, invalidRequest, slowDown } from '../errors';
import { issueTokenResponse } from '../issue/token-response';
import { storeKeys, type DeviceAuthorizationRecord, type DeviceDecisionRecord } from '../records';
import type { GrantContext } from './types';

/** RFC 8628 §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
const SLOW_DOWN_STEP = 5;
/** After expiry the record is kept this long, so a late poll hears `expired_token` rather than `invalid_grant`. */
const EXPIRED_GRACE = 60;

/**
 * RFC 8628 §3.4 device access token request and §3.5 responses: `authorization_pending` while
 * the user has not decided, `slow_down` when polled faster than the interval (which then grows),
 * `access_denied`, `expired_token`, or tokens, after which the device code is spent.
 */
export async function deviceCodeGrant({ realm, client, form, dpop }: GrantContext): Promise<Response> {
  const deviceCode = form.get('device_code');
  if (!deviceCode) throw invalidRequest('The device_code parameter is missing (RFC 8628 §3.4).');
  const key = storeKeys.device(deviceCode);
  const record = await realm.store.get<DeviceAuthorizationRecord>(key);
  if (!record) throw invalidGrant('The device_code is unknown, or expired long enough ago to be forgotten.');
  if (record.clientId !== client.clientId) throw invalidGrant('The device_code was issued to another client (RFC 8628 §3.4).');

  const now = realm.clock.nowSeconds();
  if (record.expiresAt <= now) {
    await realm.store.delete(key);
    throw expiredToken('The device_code has expired; start a new device authorization (RFC 8628 §3.5).');
  }
  // The decision has its own key (see device/decide.ts), so the rewrite below cannot lose it.
  const decision = await realm.store.get<DeviceDecisionRecord>(storeKeys.deviceDecision(deviceCode));
  if (decision?.status === 'denied') {
    await realm.store.delete(key);
    throw accessDenied('The user denied the authorization request (RFC 8628 §3.5).');
  }
  if (!decision) {
    const tooSoon = record.lastPolledAt !== undefined && now - record.lastPolledAt < record.interval;
    const next: DeviceAuthorizationRecord = {
      ...record,
      lastPolledAt: now,
      interval: tooSoon ? record.interval + SLOW_DOWN_STEP : record.interval,
    };
    // Compare-and-set: of two polls racing (maybe at two instances), one rewrites the record; the other
    // came within the interval of it by definition, so it hears slow_down.
    if (!(await realm.store.compareAndSet(key, record, next, record.expiresAt - now + EXPIRED_GRACE))) {
      throw slowDown(`Polling too fast: wait at least ${next.interval} seconds between requests (RFC 8628 §3.5).`);
    }
    if (tooSoon) throw slowDown(`Polling too fast: wait at least ${next.interval} seconds between requests (RFC 8628 §3.5).`);
    throw authorizationPending('The user has not finished the authorization yet (RFC 8628 §3.5).');
  }

  // Approved: one-time, like an authorization code.
  const approved = await realm.store.consume<DeviceAuthorizationRecord>(key);
  if (!approved) throw invalidGrant('The device_code was already used.');
  return issueTokenResponse(realm, {
    client,
    sub: decision.sub,
    scope: approved.scope,
    grantId: approved.grantId,
    authTime: decision.authTime,
    jkt: dpop?.jkt,
  });
}
