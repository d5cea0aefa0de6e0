import { textResponse } from '../http/response-text';
import { StoreFullError, StoreUnavailableError } from '../store/types';
import { errorPage } from './pages/layout';

/**
 * The one error type of the servers. Handlers throw an `OAuthError`; `toResponse()`
 * (called in exactly one place per endpoint family) turns it into RFC-shaped JSON.
 *
 * @see RFC 6749 §5.2 (token endpoint errors), §4.1.2.1 (authorization errors)
 * @see RFC 6750 §3.1 (resource server errors)
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'unsupported_token_type'
  | 'login_required'
  | 'consent_required'
  | 'invalid_dpop_proof'
  /** RFC 8707 §2: the `resource` asked for is not one this AS issues tokens for. */
  | 'invalid_target';

export class OAuthError extends Error {
  readonly code: OAuthErrorCode;
  readonly status: number;
  /** Extra response headers, e.g. `WWW-Authenticate` for `invalid_client` (RFC 6749 §5.2). */
  readonly headers: Record<string, string>;

  constructor(code: OAuthErrorCode, description: string, status = defaultStatus(code), headers: Record<string, string> = {}) {
    super(description);
    this.name = 'OAuthError';
    this.code = code;
    this.status = status;
    this.headers = headers;
  }

  /** RFC 6749 §5.2 JSON body; `no-store` per RFC 6749 §5.1. */
  toResponse(): Response {
    return textResponse(JSON.stringify({ error: this.code, error_description: this.message }), {
      status: this.status,
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        'Cache-Control': 'no-store',
        Pragma: 'no-cache',
        ...this.headers,
      },
    });
  }
}

function defaultStatus(code: OAuthErrorCode): number {
  switch (code) {
    case 'invalid_client':
    case 'invalid_token':
      return 401;
    case 'insufficient_scope':
      return 403;
    case 'server_error':
      return 500;
    case 'temporarily_unavailable':
      return 503;
    default:
      return 400;
  }
}

// One factory per code (node-oidc-provider style): `throw invalidRequest('…')`.
const factory = (code: OAuthErrorCode, status?: number) => (description: string, headers?: Record<string, string>) =>
  new OAuthError(code, description, status, headers);

export const invalidRequest = factory('invalid_request');
export const invalidClient = factory('invalid_client');
export const invalidGrant = factory('invalid_grant');
export const unauthorizedClient = factory('unauthorized_client');
export const unsupportedGrantType = factory('unsupported_grant_type');
export const unsupportedResponseType = factory('unsupported_response_type');
export const invalidScope = factory('invalid_scope');
export const accessDenied = factory('access_denied');
export const authorizationPending = factory('authorization_pending');
export const slowDown = factory('slow_down');
export const expiredToken = factory('expired_token');
export const invalidToken = factory('invalid_token', 401);
export const insufficientScope = factory('insufficient_scope', 403);
export const unsupportedTokenType = factory('unsupported_token_type');

/**
 * Wraps a handler so that any throw becomes an RFC error response: an `OAuthError` as
 * itself, anything else as a generic `server_error` without a stack trace.
 */
export function withOAuthErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof OAuthError) return err.toResponse();
      // A full store refuses new entries rather than forgetting live ones (lib/store/memory-store.ts).
      if (err instanceof StoreFullError) {
        return new OAuthError('temporarily_unavailable', 'The server is holding as much state as it may; try again shortly.', 503, {
          'Retry-After': '30',
        }).toResponse();
      }
      // Redis down or too slow: fail closed (nothing read is assumed absent), and say so (RFC 6749 §5.2).
      if (err instanceof StoreUnavailableError) return unavailable(args[0]);
      console.error('[flowlab] unexpected error', err);
      return new OAuthError('server_error', 'The server hit an unexpected condition.').toResponse();
    }
  };
}

/** The AS's HTML pages (login, consent, device, logout, authorize): a browser gets a page, not JSON. */
const AS_PAGE = /^\/as\/[^/]+\/(authorize|login|consent|logout|device)\/?$/;

function unavailable(request: unknown): Response {
  const headers = { 'Retry-After': '5', 'Cache-Control': 'no-store' };
  const message =
    'The server cannot reach its state store right now, so it refused the request rather than guess. Try again in a few seconds.';
  if (request instanceof Request && AS_PAGE.test(new URL(request.url).pathname)) {
    return errorPage('Temporarily unavailable', `temporarily_unavailable: ${message}`, 503, headers);
  }
  return new OAuthError('temporarily_unavailable', message, 503, headers).toResponse();
}
