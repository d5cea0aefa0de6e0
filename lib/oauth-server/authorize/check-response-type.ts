import type { Realm } from '../../realms/types';
import { RedirectableError, type CheckContext } from './types';

/**
 * RFC 6749 §4.1.1: `code`. `token` (implicit, RFC 6749 §4.2) only where the realm's
 * `as.response-types` point lists it (RFC 9700 §2.1.2: SHOULD NOT be used; OAuth 2.1 omits it),
 * and only for a client registered for the implicit grant.
 */
export function checkResponseType(ctx: CheckContext, realm: Realm): void {
  const type = ctx.params.get('response_type');
  if (!type) throw new RedirectableError('invalid_request', 'The request has no response_type.');
  if (type === 'code') {
    if (!ctx.client!.grantTypes.includes('authorization_code')) {
      throw new RedirectableError('unauthorized_client', 'This client may not use the authorization code grant.');
    }
    return;
  }
  if (type === 'token') {
    if (!realm.points['as.response-types'].includes('token')) {
      throw new RedirectableError(
        'unsupported_response_type',
        'The implicit grant (response_type=token) is not allowed (RFC 9700 §2.1.2); use response_type=code with PKCE.',
      );
    }
    if (!ctx.client!.grantTypes.includes('implicit')) {
      throw new RedirectableError('unauthorized_client', 'This client may not use the implicit grant.');
    }
    ctx.request.responseType = 'token';
    return;
  }
  throw new RedirectableError(
    'unsupported_response_type',
    `This server supports response_type ${realm.points['as.response-types'].join(' or ')}.`,
  );
}
