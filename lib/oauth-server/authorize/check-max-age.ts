import { RedirectableError, type CheckContext } from './types';

/**
 * OIDC Core §3.1.2.1 `max_age`: "the allowable elapsed time in seconds since the last time the
 * End-User was actively authenticated", a non-negative integer (it corresponds to OpenID PAPE's
 * `max_auth_age`). Anything else is `invalid_request`. Enforced in fresh-login.ts.
 */
export function checkMaxAge(ctx: CheckContext): void {
  const value = ctx.params.get('max_age');
  if (value === undefined) return;
  if (!/^\d{1,10}$/.test(value))
    throw new RedirectableError('invalid_request', 'max_age must be a whole number of seconds (OIDC Core §3.1.2.1).');
  ctx.request.maxAge = Number(value);
}
