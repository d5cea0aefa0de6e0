import type { Realm } from '../../realms/types';
import { RedirectableError, type CheckContext } from './types';

/** RFC 7636 §4.2: S256 challenge = base64url(SHA-256) without padding = 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * RFC 9700 §2.1.1: PKCE for every client, S256 only. A missing challenge is judged by the
 * `as.pkce-required` point, the method by `as.pkce-methods` (lab realms may loosen either).
 */
export function checkPkce(ctx: CheckContext, realm: Realm): void {
  const challenge = ctx.params.get('code_challenge');
  const method = ctx.params.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
  if (challenge === undefined) {
    // The implicit grant has no code to bind a challenge to.
    if (ctx.request.responseType === 'token') return;
    const refusal = realm.points['as.pkce-required'].atAuthorize();
    if (refusal) throw new RedirectableError('invalid_request', refusal);
    return;
  }
  const methods = realm.points['as.pkce-methods'];
  if (!methods.includes(method as 'S256' | 'plain')) {
    throw new RedirectableError(
      'invalid_request',
      `code_challenge_method must be ${methods.join(' or ')} (RFC 9700 §2.1.1${methods.includes('plain') ? '' : '; plain is refused'}).`,
    );
  }
  if (method === 'S256' && !S256_CHALLENGE.test(challenge)) {
    throw new RedirectableError('invalid_request', 'code_challenge must be 43 base64url characters (RFC 7636 §4.2).');
  }
  ctx.request.codeChallenge = challenge;
  ctx.request.codeChallengeMethod = method as 'S256' | 'plain';
}
