import type { Realm } from '../../realms/types';
import { savePending } from '../authorize/pending';
import { refuseCrossSitePost } from '../cross-site';
import { requireMethod } from '../http';
import { deviceCodePage, deviceDonePage } from '../pages/device';
import { seeOther } from '../pages/html';
import { readPageForm, readQuery } from '../read-form';
import { storeKeys, type DeviceAuthorizationRecord } from '../records';
import { browserId, clientAddress, getSession } from '../session';
import { normaliseUserCode } from './user-code';

/** Attempts per client address per ADDRESS_WINDOW seconds. */
const MAX_ATTEMPTS = 5;
const ADDRESS_WINDOW = 60;
/** Attempts naming one user code, from any address, within the code's lifetime. */
const MAX_ATTEMPTS_PER_CODE = 5;

/** RFC 8628 §3.3: the verification page. Code → (login) → consent → approved/denied. */
export async function deviceVerificationEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const refused = refuseCrossSitePost(request, realm);
  if (refused) return refused;
  if (request.method !== 'POST') {
    const query = readQuery(new URL(request.url));
    const done = query.get('done');
    if (done === 'approved' || done === 'denied') return deviceDonePage(done === 'approved');
    return deviceCodePage(realm, (query.get('user_code') ?? '').slice(0, 32));
  }
  // The code page needs nothing from a refused body: it is shown again, empty, with the reason.
  const form = await readPageForm(request, (reason) => deviceCodePage(realm, '', `${reason} Type the code your device shows.`, 400));
  if (form instanceof Response) return form;
  const input = form.get('user_code') ?? '';
  // RFC 8628 §5.1: user codes are short, so attempts are rate limited. Count first, then check:
  // the atomic increment hands N parallel attempts the counts 1..N, so at most MAX_ATTEMPTS of
  // them are looked up. Every attempt counts, a right code too: the attacker can mint right codes
  // of his own at device_authorization, so letting them reset or refund the count would undo it.
  const bucket = storeKeys.rateLimit('device-code', clientAddress(request));
  if ((await realm.store.increment(bucket, ADDRESS_WINDOW)) > MAX_ATTEMPTS) {
    return deviceCodePage(realm, '', 'Too many attempts from this network address. Wait a minute and try again.', 429);
  }
  const code = normaliseUserCode(input);
  // And per code, from any address: guesses at one code stay few even from many addresses.
  if (
    code &&
    (await realm.store.increment(storeKeys.rateLimit('device-user-code', code), realm.lifetimes.deviceCode)) > MAX_ATTEMPTS_PER_CODE
  ) {
    return deviceCodePage(realm, '', 'Too many attempts with this code. Start again on your device to get a new code.', 429);
  }
  const deviceCode = code ? await realm.store.get<string>(storeKeys.userCode(code)) : undefined;
  const record = deviceCode ? await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device(deviceCode)) : undefined;
  const open =
    deviceCode !== undefined &&
    record !== undefined &&
    record.expiresAt > realm.clock.nowSeconds() &&
    (await realm.store.get(storeKeys.deviceDecision(deviceCode))) === undefined;
  if (!open) {
    return deviceCodePage(realm, input.slice(0, 32), 'That code is not valid or has expired. Check the code on your device.', 400);
  }
  const browser = browserId(request, realm);
  const headers: Record<string, string> = browser.setCookie ? { 'Set-Cookie': browser.setCookie } : {};
  const id = await savePending(realm, {
    kind: 'device',
    browserId: browser.id,
    deviceCode,
    clientId: record.clientId,
    scope: record.scope,
  });
  const session = await getSession(request, realm);
  return seeOther(`/as/${realm.id}/${session ? 'consent' : 'login'}?pending=${encodeURIComponent(id)}`, headers);
}
