import type { Realm } from '../../realms/types';
import { RedirectableError, type CheckContext } from './types';

/** RFC 7636 §4.2: S256 challenge = base64url(SHA-256) without padding = 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * RFC 9700 §2.1.1: PKCE for every client, S256 only (`plain` and a missing challenge are
 * refused) under the `pkce: 'required-s256'` policy.
 */
export function checkPkce(ctx: CheckContext, realm: Realm): void {
  const challenge = ctx.params.get('code_challenge');
  const method = ctx.params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (challenge === undefined) {
    if (realm.policies.pkce === 'required-s256') {
      throw new RedirectableError('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256 (RFC 9700 §2.1.1).');
    }
    return;
  }
  if (method !== 'S256' && (method !== 'plain' || realm.policies.pkce === 'required-s256')) {
    throw new RedirectableError('invalid_request', 'code_challenge_method must be S256 (RFC 9700 §2.1.1; plain is refused).');
  }
  if (method === 'S256' && !S256_CHALLENGE.test(challenge)) {
    throw new RedirectableError('invalid_request', 'code_challenge must be 43 base64url characters (RFC 7636 §4.2).');
  }
  ctx.request.codeChallenge = challenge;
  ctx.request.codeChallengeMethod = method;
}
