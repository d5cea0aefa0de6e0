import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';

import { storeKeys, type DeviceAuthorizationRecord } from '../records';
import { HTTP, decideSeededDevice, targetRealm, discover, oauthErrorOf, seedDevice, resetServer } from './harness';

beforeEach(resetServer);

const tv: oauth.Client = { client_id: 'tv' };

async function poll(as: oauth.AuthorizationServer, deviceCode: string, client = tv, auth = oauth.None()) {
  return oauth.processDeviceCodeResponse(as, client, await oauth.deviceCodeGrantRequest(as, client, auth, deviceCode, HTTP));
}

describe('device_code grant (RFC 8628 §3.4, §3.5)', () => {
  it('answers authorization_pending, then slow_down with a longer interval when polled too fast', async () => {
    const as = await discover();
    const { deviceCode } = await seedDevice();
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('authorization_pending');
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('slow_down');
    const realm = await targetRealm();
    const record = await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device(deviceCode));
    expect(record!.interval).toBe(realm.deviceInterval + 5);
  });

  it('issues tokens once the user approved, then treats the device code as spent', async () => {
    const as = await discover();
    const { deviceCode } = await seedDevice();
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('authorization_pending');
    await decideSeededDevice(deviceCode, 'allow', 'bob');

    const tokens = await poll(as, deviceCode);
    expect(tokens.scope).toBe('openid profile offline_access');
    expect(tokens.refresh_token).toBeDefined();
    expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({ sub: 'bob', aud: 'tv' });
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('invalid_grant');
  });

  it('answers access_denied when the user denied', async () => {
    const as = await discover();
    const { deviceCode } = await seedDevice();
    await decideSeededDevice(deviceCode, 'deny');
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('access_denied');
  });

  it('answers expired_token once the device code has expired', async () => {
    const as = await discover();
    const { deviceCode } = await seedDevice({ expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect(await oauthErrorOf(poll(as, deviceCode))).toBe('expired_token');
  });

  it('refuses the device grant to clients not registered for it with unauthorized_client', async () => {
    const as = await discover();
    const { deviceCode } = await seedDevice();
    await decideSeededDevice(deviceCode, 'allow');
    const spa: oauth.Client = { client_id: 'spa' };
    expect(await oauthErrorOf(poll(as, deviceCode, spa))).toBe('unauthorized_client');
    const legacy: oauth.Client = { client_id: 'legacy-app' };
    const response = await oauth.deviceCodeGrantRequest(as, legacy, oauth.ClientSecretPost('legacy-secret'), deviceCode, HTTP);
    expect(await oauthErrorOf(oauth.processDeviceCodeResponse(as, legacy, response))).toBe('unauthorized_client');
  });
});
