import type { Realm } from '../../realms/types';
import { RedirectableError, type CheckContext } from './types';

/**
 * RFC 6749 §4.1.1: `code` only. `token` (implicit, RFC 6749 §4.2) is refused unless the
 * realm's `implicitGrant` policy allows it (RFC 9700 §2.1.2) — and this server never issues
 * tokens from the front channel, so even then it is unsupported here.
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
  if (type === 'token' && realm.policies.implicitGrant === 'refuse') {
    throw new RedirectableError('unsupported_response_type', 'The implicit grant (response_type=token) is not allowed (RFC 9700 §2.1.2); use response_type=code with PKCE.');
  }
  throw new RedirectableError('unsupported_response_type', 'Only response_type=code is supported.');
}
