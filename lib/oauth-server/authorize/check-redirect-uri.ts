import type { Realm } from '../../realms/types';
import { invalidRequest } from '../errors';
import type { CheckContext } from './types';

/**
 * RFC 9700 §4.1.3: the redirect URI must equal a registered one exactly (policy point
 * `as.redirect-uri`; lab realms may swap in a looser comparison). A wrong or missing one is shown as a page, never redirected to
 * (RFC 6749 §4.1.2.1, open redirector — RFC 9700 §4.11.2).
 */
export function checkRedirectUri(ctx: CheckContext, realm: Realm): void {
  const client = ctx.client!;
  const given = ctx.params.get('redirect_uri');
  // RFC 6749 §3.1.2.3: may be omitted only when exactly one URI is registered.
  if (given === undefined) {
    if (client.redirectUris.length !== 1) throw invalidRequest('The request has no redirect_uri.');
    ctx.request.redirectUri = client.redirectUris[0];
    return;
  }
  const matches = client.redirectUris.some((uri) => realm.points['as.redirect-uri'](uri, given));
  if (!matches) throw invalidRequest('The redirect_uri is not registered for this client (exact match required, RFC 9700 §4.1.3).');
  ctx.request.redirectUri = given;
}
