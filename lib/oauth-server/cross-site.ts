import type { Realm } from '../realms/types';
import { errorPage } from './pages/layout';

/**
 * The AS's own forms (login, consent, logout, the device page) are posted only by its own pages,
 * so a POST from another site is a forged one (CSRF, RFC 6749 §10.12, RFC 9700 §4.7): refused with
 * a 403 page before it can touch a session, a cookie or a pending request. The browser names the
 * sender in `Sec-Fetch-Site` (W3C Fetch Metadata) and in `Origin` (RFC 6454 §7; the Fetch standard
 * sends it on every POST).
 * - `Sec-Fetch-Site`, where the browser sends it, decides: only `same-origin` (or `none`, the user
 *   acting) passes, `cross-site` and `same-site` are refused. It must win over `Origin`: the AS pages
 *   say `Referrer-Policy: no-referrer`, under which the browser sends `Origin: null` even for a
 *   same-origin form post (Fetch, "serializing a request origin").
 * - Without it (an older browser), an `Origin` other than the realm's is refused, `null` included,
 *   since any page can make its own posts say `null`.
 * - A request with neither header, as curl sends it, passes: it carries no browser's cookies.
 *
 * Not for the authorization endpoint: clients may POST the authorization request from their own
 * site (RFC 6749 §3.1).
 */
export function refuseCrossSitePost(request: Request, realm: Realm): Response | undefined {
  if (request.method !== 'POST') return undefined;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const sameOrigin = site !== null ? site === 'same-origin' || site === 'none' : origin === null || origin === realm.origin;
  if (sameOrigin) return undefined;
  return errorPage(
    'Request refused',
    'This form was sent from another site. The Demo Identity Provider only accepts its own forms: go back to the app and start again.',
    403,
  );
}
