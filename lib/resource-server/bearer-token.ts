import type { Realm } from '../realms/types';
import { bearerError } from './rs-errors';

/** Longer Authorization headers are refused before any parsing: our tokens are ~1 KB. */
export const MAX_AUTHORIZATION_LENGTH = 8 * 1024;

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export interface BearerOptions {
  /** The request's form body, where the endpoint accepts RFC 6750 §2.2 form-body tokens (userinfo does). */
  form?: Map<string, string>;
  /** The protection space of the challenge (default: the realm's resource server). */
  space?: string;
}

/** An access token as the request presented it: the scheme decides which checks follow (RFC 9449 §7). */
export interface PresentedToken {
  token: string;
  /** `DPoP` only for `Authorization: DPoP <token>` (RFC 9449 §7.1); the form body is a bearer method. */
  scheme: 'Bearer' | 'DPoP';
}

/**
 * Finds the access token of a request: the Authorization header with the Bearer (RFC 6750 §2.1)
 * or DPoP (RFC 9449 §7.1, same token68 syntax) scheme or, where the endpoint passes its form body,
 * the `access_token` form parameter (RFC 6750 §2.2). Returns undefined when the request carries no
 * credentials at all. Used by the RS and by userinfo. Whether the token's binding fits the scheme
 * is for lib/resource-server/sender-constraint.ts to say.
 *
 * Refused on purpose:
 * - `?access_token=` (RFC 6750 §2.3): RFC 9700 §4.3.2 says access tokens must not travel in the
 *   query — URLs leak into logs, history and Referer headers (OAuth 2.1 §5.1 drops the method and says resource servers MUST ignore it; this one refuses it, louder);
 * - a token sent both ways, more than one credential, or a malformed header: `invalid_request`
 *   (RFC 6750 §3.1; §2: "MUST NOT use more than one method").
 */
export function readAccessToken(request: Request, realm: Realm, options: BearerOptions = {}): PresentedToken | undefined {
  const fail = (description: string) => bearerError(realm, 'invalid_request', description, undefined, options.space);
  const url = new URL(request.url);
  if (url.searchParams.has('access_token')) {
    throw fail('Access tokens in the query string are refused (RFC 9700 §4.3.2; RFC 6750 §2.3): send Authorization: Bearer <token>.');
  }
  const header = request.headers.get('authorization');
  const bodyToken = options.form?.get('access_token');
  if (header !== null && bodyToken !== undefined) throw fail('Send the access token one way only (RFC 6750 §2).');
  if (bodyToken !== undefined) {
    if (!B64TOKEN.test(bodyToken) || bodyToken.length > MAX_AUTHORIZATION_LENGTH)
      throw fail('The access_token form parameter is not a single b64token (RFC 6750 §2.2).');
    return { token: bodyToken, scheme: 'Bearer' };
  }
  if (header === null) return undefined;
  if (header.length > MAX_AUTHORIZATION_LENGTH) {
    throw fail(`The Authorization header is longer than ${MAX_AUTHORIZATION_LENGTH} characters.`);
  }
  // The auth-scheme is case-insensitive (RFC 9110 §11.1); one space, then exactly one b64token.
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+\-.^_`|~]*) (.*)$/s.exec(header);
  const scheme = match?.[1].toLowerCase();
  if (!match || (scheme !== 'bearer' && scheme !== 'dpop')) {
    const bare = /^(bearer|dpop)$/i.exec(header.trim());
    if (header.trim() === '' || (match === null && bare)) {
      throw fail(`The Authorization header has the ${bare?.[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer'} scheme but no token.`);
    }
    throw fail('The Authorization header must use the Bearer scheme (RFC 6750 §2.1), or DPoP for a DPoP-bound token (RFC 9449 §7.1).');
  }
  const token = match[2];
  if (!B64TOKEN.test(token)) {
    const why = token.includes(',') ? 'carries more than one credential' : 'is not a single b64token';
    throw fail(`The ${scheme === 'dpop' ? 'DPoP' : 'bearer'} token ${why} (RFC 6750 §2.1, RFC 9449 §7.1).`);
  }
  return { token, scheme: scheme === 'dpop' ? 'DPoP' : 'Bearer' };
}

/**
 * This RS's endpoints take JSON bodies, so a form-encoded `access_token` (RFC 6750 §2.2, which OAuth
 * 2.1 keeps) is refused here with the reason, rather than ignored.
 */
export function refuseFormBodyToken(realm: Realm): never {
  throw bearerError(
    realm,
    'invalid_request',
    'This resource server reads the access token from the Authorization header only; its endpoints take a JSON request body, not a form-encoded one (RFC 6750 §2.1).',
  );
}
