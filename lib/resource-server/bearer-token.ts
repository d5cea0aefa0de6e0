import type { Realm } from '../realms/types';
import { bearerError } from './rs-errors';

/** Longer Authorization headers are refused before any parsing: our tokens are ~1 KB. */
export const MAX_AUTHORIZATION_LENGTH = 8 * 1024;

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Finds the access token of a request, accepting only the Authorization header (RFC 6750
 * §2.1). Returns undefined when the request carries no credentials at all.
 *
 * Refused on purpose:
 * - `?access_token=` (RFC 6750 §2.3): OAuth 2.1 §5.2 and RFC 9700 §4.3.2 forbid it — URLs
 *   leak into logs, history and Referer headers.
 * - the form-body parameter (RFC 6750 §2.2) is dropped by OAuth 2.1 as well; callers that read
 *   a form body report it with {@link refuseFormBodyToken}.
 * - more than one credential, or a malformed header: `invalid_request` (RFC 6750 §3.1).
 */
export function readBearerToken(request: Request, realm: Realm): string | undefined {
  const url = new URL(request.url);
  if (url.searchParams.has('access_token')) {
    throw bearerError(realm, 'invalid_request', 'Access tokens in the query string are refused (OAuth 2.1 §5.2, RFC 9700 §4.3.2): send Authorization: Bearer <token>.');
  }
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  if (header.length > MAX_AUTHORIZATION_LENGTH) {
    throw bearerError(realm, 'invalid_request', `The Authorization header is longer than ${MAX_AUTHORIZATION_LENGTH} characters.`);
  }
  // The auth-scheme is case-insensitive (RFC 9110 §11.1); one space, then exactly one b64token.
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+\-.^_`|~]*) (.*)$/s.exec(header);
  if (!match || match[1].toLowerCase() !== 'bearer') {
    if (header.trim() === '' || (match === null && /^bearer$/i.test(header.trim()))) {
      throw bearerError(realm, 'invalid_request', 'The Authorization header has the Bearer scheme but no token.');
    }
    throw bearerError(realm, 'invalid_request', 'The Authorization header must use the Bearer scheme (RFC 6750 §2.1).');
  }
  const token = match[2];
  if (!B64TOKEN.test(token)) {
    const why = token.includes(',') ? 'carries more than one credential' : 'is not a single b64token';
    throw bearerError(realm, 'invalid_request', `The bearer token ${why} (RFC 6750 §2.1).`);
  }
  return token;
}

/** RFC 6750 §2.2 form-encoded body tokens are not accepted (OAuth 2.1 §5.2 keeps only the header). */
export function refuseFormBodyToken(realm: Realm): never {
  throw bearerError(realm, 'invalid_request', 'Access tokens in the request body are refused (OAuth 2.1 §5.2): send Authorization: Bearer <token>.');
}
