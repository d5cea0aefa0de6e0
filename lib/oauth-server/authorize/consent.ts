import type { Realm } from '../../realms/types';
import { refuseCrossSitePost } from '../cross-site';
import { requireMethod } from '../http';
import { consentPage } from '../pages/consent';
import { seeOther } from '../pages/html';
import { errorPage } from '../pages/layout';
import { loginPage } from '../pages/login';
import { readPageForm, readQuery } from '../read-form';
import { getSession } from '../session';
import { decideDevice } from '../device/decide';
import { formatUserCode } from '../device/user-code';
import { storeKeys, type DeviceAuthorizationRecord } from '../records';
import { needsLogin } from './fresh-login';
import { loadPending, takePending, unreadable } from './pending';
import { errorRedirect, issueCode } from './respond';

const expired = () =>
  errorPage(
    'This request has expired',
    'Start again from the app: the request is unknown, expired, or was started in another browser.',
    400,
  );

/**
 * Consent is asked on every authorization (a teaching server: the learner sees the step).
 * GET shows Allow/Deny; POST decides: a code (RFC 6749 §4.1.2) or `access_denied`.
 */
export async function consentEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  const refused = refuseCrossSitePost(request, realm);
  if (refused) return refused;
  const isPost = request.method === 'POST';
  const params = isPost ? await readPageForm(request, unreadable) : readQuery(new URL(request.url));
  if (params instanceof Response) return params;
  const id = params.get('pending');
  const pending = await loadPending(request, realm, id);
  if (!pending) return expired();
  const clientId = pending.kind === 'authorize' ? pending.request.clientId : pending.clientId;
  const clientName = realm.clients.get(clientId)?.name ?? clientId;
  const session = await getSession(request, realm);
  // OIDC Core §3.1.2.1: prompt=login / max_age are enforced here too, for GET and POST alike.
  if (!session || (await needsLogin(request, realm, id!, pending, session))) return loginPage(realm, id!, clientName);
  if (!isPost) {
    const scope = pending.kind === 'authorize' ? pending.request.scope : pending.scope;
    // RFC 8628 §5.4: the page names the code being approved, so a user can spot one they did not start.
    const device =
      pending.kind === 'device' ? await realm.store.get<DeviceAuthorizationRecord>(storeKeys.device(pending.deviceCode)) : undefined;
    return consentPage(realm, id!, clientName, scope, session.sub, {}, device ? formatUserCode(device.userCode) : undefined);
  }
  const decision = params.get('decision');
  if (decision !== 'allow' && decision !== 'deny') return errorPage('Unknown choice', 'Choose Allow or Deny.', 400);
  if (!(await takePending(realm, id!))) return expired();
  if (pending.kind === 'device') {
    // Say "connected" only if this decision is the one the device will see.
    if (!(await decideDevice(realm, pending.deviceCode, decision, session))) {
      return errorPage(
        'This device request is already decided',
        'The code was already approved or denied, or it has expired. Start again on your device.',
        400,
      );
    }
    return seeOther(`/as/${realm.id}/device?done=${decision === 'allow' ? 'approved' : 'denied'}`);
  }
  if (decision === 'deny') return errorRedirect(realm, pending.request, 'access_denied', 'The user denied the request.');
  return issueCode(realm, pending.request, session.sub, session.authTime);
}
