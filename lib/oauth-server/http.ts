import { textResponse } from '../http/response-text';
import { OAuthError } from './errors';

/**
 * RFC 6749 §5.1: responses carrying tokens or credentials "MUST include Cache-Control: no-store".
 * Every back-channel answer uses it: discovery and JWKS depend on the request's origin and the
 * keys change on restart, so no cache may keep them either.
 */
export const NO_STORE: Readonly<Record<string, string>> = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** A JSON response with `no-store` headers. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return textResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...NO_STORE, ...headers },
  });
}

/**
 * Throws a 405 with the `Allow` header (RFC 9110 §15.5.6) unless the request's method is one
 * of `allowed`. HEAD is allowed wherever GET is (RFC 9110 §9.3.2).
 */
export function requireMethod(request: Request, allowed: readonly string[]): void {
  const methods = allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : allowed;
  if (methods.includes(request.method.toUpperCase())) return;
  throw new OAuthError(
    'invalid_request',
    `The method ${request.method.slice(0, 16)} is not allowed here; use ${allowed.join(' or ')}.`,
    405,
    {
      Allow: methods.join(', '),
    },
  );
}
