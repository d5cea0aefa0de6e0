import type { Realm } from '../../realms/types';
import { OAuthError } from '../errors';
import { requireMethod } from '../http';
import { errorPage } from '../pages/layout';
import { loginPage } from '../pages/login';
import { readForm, readQuery } from '../read-form';
import { browserId, getSession } from '../session';
import { consentOrLogin } from './continue';
import { sessionFreshEnough } from './fresh-login';
import { savePending } from './pending';
import { chargeAnonymous } from '../anonymous-quota';
import { StoreFullError } from '../../store/types';
import { errorRedirect } from './respond';
import { RedirectableError } from './types';
import { validateAuthorizationRequest } from './validate';

/**
 * RFC 6749 §3.1 authorization endpoint, GET or POST. Errors before the client and redirect
 * URI are trusted become an HTML page (400), never a redirect (RFC 9700 §4.11.2); later ones
 * an error redirect with `iss` (RFC 6749 §4.1.2.1, RFC 9207).
 */
export async function authorizeEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET', 'POST']);
  try {
    const params = request.method === 'POST' ? await readForm(request) : readQuery(new URL(request.url));
    const validated = validateAuthorizationRequest(params, realm);
    const browser = browserId(request, realm);
    const headers: Record<string, string> = browser.setCookie ? { 'Set-Cookie': browser.setCookie } : {};
    const session = await getSession(request, realm);
    // OIDC Core §3.1.2.1: a session older than max_age (or any, with prompt=login) does not count.
    const signedIn = session !== undefined && sessionFreshEnough(validated, session, realm.clock.nowSeconds());
    if (validated.prompt === 'none') {
      // OIDC Core §3.1.2.6: no UI allowed. Consent is asked every time here, so even a
      // signed-in user needs it.
      return errorRedirect(
        realm,
        validated,
        signedIn ? 'consent_required' : 'login_required',
        signedIn ? 'This server asks for consent on every request.' : 'The user is not signed in, or not recently enough (max_age).',
      );
    }
    const client = realm.clients.get(validated.clientId)!;
    // Anyone may open this URL without credentials: pending requests are limited per client address,
    // and a full store is reported to the client as RFC 6749 §4.1.2.1 temporarily_unavailable.
    let pendingId: string;
    try {
      await chargeAnonymous(request, realm, 'pending');
      pendingId = await savePending(realm, { kind: 'authorize', browserId: browser.id, request: validated });
    } catch (err) {
      if (!(err instanceof StoreFullError) && !(err instanceof OAuthError && err.code === 'temporarily_unavailable')) throw err;
      return errorRedirect(
        realm,
        validated,
        'temporarily_unavailable',
        'Too many authorization requests right now; try again in a minute.',
      );
    }
    if (signedIn) return consentOrLogin(realm, pendingId, headers);
    return loginPage(realm, pendingId, client.name, undefined, 200, headers);
  } catch (err) {
    if (err instanceof RedirectableError && err.target) return errorRedirect(realm, err.target, err.code, err.message);
    if (err instanceof OAuthError && err.status !== 405) return errorPage('Cannot continue to the app', `${err.code}: ${err.message}`, 400);
    throw err;
  }
}
