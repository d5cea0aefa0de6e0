import type { PolicyPoints } from '../../realms/policy-points';
import type { Realm } from '../../realms/types';

/**
 * Applies the realm's `as.page-framing` point to an AS page: the `frame-ancestors` directive of its
 * CSP and `X-Frame-Options` (RFC 9700 §4.16, clickjacking). Hardened, both forbid every framer;
 * the clickjacking lab realm sends neither, so the attacker's page can frame the consent page.
 */
export function applyFraming(response: Response, framing: PolicyPoints['as.page-framing']): Response {
  const csp = response.headers.get('content-security-policy');
  if (csp === null) return response;
  const directives = csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.toLowerCase().startsWith('frame-ancestors'));
  if (framing.frameAncestors) directives.splice(1, 0, `frame-ancestors ${framing.frameAncestors}`);
  response.headers.set('content-security-policy', directives.join('; '));
  if (framing.xFrameOptions) response.headers.set('x-frame-options', framing.xFrameOptions);
  else response.headers.delete('x-frame-options');
  return response;
}

/** Every answer of a realm's servers passes here once (mount.ts, server-router.ts); only AS pages carry a CSP. */
export function framedForRealm(response: Response, realm: Realm): Response {
  return applyFraming(response, realm.points['as.page-framing']);
}
