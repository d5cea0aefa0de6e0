import type { Realm } from '../../realms/types';
import { invalidClient, invalidRequest, invalidScope, unauthorizedClient } from '../errors';
import { jsonResponse, requireMethod } from '../http';
import { readForm } from '../read-form';
import { storeKeys, type DeviceAuthorizationRecord } from '../records';
import { parseScope } from '../authorize/check-scope';
import { randomId } from '../session';
import { chargeAnonymous } from '../anonymous-quota';
import { formatUserCode, generateUserCode } from './user-code';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628 §3.1–3.2: device authorization request → device_code, user_code, verification URIs. */
export async function deviceAuthorizationEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['POST']);
  const form = await readForm(request);
  const clientId = form.get('client_id');
  if (!clientId) throw invalidRequest('The request has no client_id (RFC 8628 §3.1).');
  const client = realm.clients.get(clientId);
  if (!client || client.type !== 'public')
    throw invalidClient('Unknown client, or a confidential client (only public device clients here).');
  if (!client.grantTypes.includes(DEVICE_GRANT)) throw unauthorizedClient('This client may not use the device authorization grant.');
  const scope = parseScope(form.get('scope'), realm, client.scopes);
  if (typeof scope === 'string') throw invalidScope(scope);

  await chargeAnonymous(request, realm, 'device');
  const now = realm.clock.nowSeconds();
  const deviceCode = randomId();
  let userCode = generateUserCode();
  // A collision is unlikely (20^8 codes) but must not hand one user's code to another device.
  for (let i = 0; !(await realm.store.setIfAbsent(storeKeys.userCode(userCode), deviceCode, realm.lifetimes.deviceCode)); i++) {
    if (i > 5) throw invalidRequest('Could not allocate a user code; try again.');
    userCode = generateUserCode();
  }
  const record: DeviceAuthorizationRecord = {
    clientId,
    scope,
    userCode,
    expiresAt: now + realm.lifetimes.deviceCode,
    interval: realm.deviceInterval,
    grantId: randomId(16),
  };
  await realm.store.set(storeKeys.device(deviceCode), record, realm.lifetimes.deviceCode);
  const shown = formatUserCode(userCode);
  return jsonResponse({
    device_code: deviceCode,
    user_code: shown,
    verification_uri: `${realm.issuer}/device`,
    verification_uri_complete: `${realm.issuer}/device?user_code=${shown}`,
    expires_in: realm.lifetimes.deviceCode,
    interval: realm.deviceInterval,
  });
}
