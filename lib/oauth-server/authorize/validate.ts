import type { Realm } from '../../realms/types';
import { checkClient } from './check-client';
import { checkMaxAge } from './check-max-age';
import { checkPkce } from './check-pkce';
import { checkRedirectUri } from './check-redirect-uri';
import { checkResponseType } from './check-response-type';
import { checkScope } from './check-scope';
import { checkStateNonce } from './check-state-nonce';
import { RedirectableError, type CheckContext, type ValidatedRequest } from './types';

/**
 * The authorization request pipeline, in order. The first two throw OAuthErrors (shown as a
 * page: nothing to redirect to yet); the rest throw RedirectableErrors (RFC 6749 §4.1.2.1).
 * `state` is read first so even an early redirectable error can echo it.
 */
export function validateAuthorizationRequest(params: Map<string, string>, realm: Realm): ValidatedRequest {
  const ctx: CheckContext = { params, request: {} };
  checkClient(ctx, realm);
  checkRedirectUri(ctx, realm);
  const state = params.get('state');
  if (state !== undefined && state.length <= 512 && /^[\x20-\x7e]*$/.test(state)) ctx.request.state = state;
  try {
    checkStateNonce(ctx);
    checkMaxAge(ctx);
    checkResponseType(ctx, realm);
    checkScope(ctx, realm);
    checkPkce(ctx, realm);
  } catch (err) {
    if (err instanceof RedirectableError)
      err.target = { redirectUri: ctx.request.redirectUri!, state: ctx.request.state, responseType: ctx.request.responseType };
    throw err;
  }
  return ctx.request as ValidatedRequest;
}

export type { CheckContext };
