import { DPOP_SIGNING_ALGS } from '../dpop/verify-proof';
import { OAuthError, type OAuthErrorCode } from '../oauth-server/errors';
import type { Realm } from '../realms/types';

/**
 * RFC 6750 §3: every resource-server error carries a `WWW-Authenticate: Bearer` challenge
 * naming the protection space (`realm`) and, except when no token was sent at all, the
 * error code. The JSON body (allowed by §3) repeats the code for clients that read bodies.
 */
export type BearerErrorCode = Extract<OAuthErrorCode, 'invalid_request' | 'invalid_token' | 'insufficient_scope'>;

/** The characters our descriptions use that a challenge may not carry, spelled in the ones it may. */
const CHALLENGE_SPELLING: Readonly<Record<string, string>> = {
  '’': "'",
  '‘': "'",
  '“': "'",
  '”': "'",
  '"': "'",
  '—': '-',
  '–': '-',
  '…': '...',
  '→': '->',
  '≥': '>=',
  '≤': '<=',
  '×': 'x',
  '\u00a0': ' ',
};

/**
 * RFC 6750 §3: error_description is limited to %x20-21 / %x23-5B / %x5D-7E (printable ASCII without `"` or `\`).
 * A section sign becomes "section " ("RFC 8725 section 3.1"), typographic quotes and dashes their ASCII forms, and
 * anything else outside the set "?", so a description stays readable where a client shows it.
 */
export function challengeSafe(text: string): string {
  return text.replace(/§\s*/g, 'section ').replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, (c) => CHALLENGE_SPELLING[c] ?? '?');
}

/** `space` names the protection space (RFC 6750 §3 `realm`): the RS's URL, or the issuer for userinfo. */
export function bearerChallenge(
  realm: Realm,
  code?: BearerErrorCode,
  description?: string,
  scope?: string,
  space = realm.resource,
): string {
  const params = [`realm="${challengeSafe(space)}"`];
  if (code) params.push(`error="${code}"`);
  if (code && description) params.push(`error_description="${challengeSafe(description)}"`);
  if (scope) params.push(`scope="${challengeSafe(scope)}"`);
  return `Bearer ${params.join(', ')}`;
}

const STATUS: Record<BearerErrorCode, number> = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 };

/** An OAuthError whose response carries the RFC 6750 §3 challenge. */
export function bearerError(realm: Realm, code: BearerErrorCode, description: string, scope?: string, space?: string): OAuthError {
  return new OAuthError(code, description, STATUS[code], {
    'WWW-Authenticate': bearerChallenge(realm, code, description, scope, space),
  });
}

/**
 * RFC 6750 §3.1: "If the request lacks any authentication information … the resource server
 * SHOULD NOT include an error code or other error information" — so the challenge is bare.
 * The body still explains, in words, what is missing.
 */
export function missingTokenResponse(realm: Realm, space?: string): Response {
  return new Response(
    JSON.stringify({ message: 'This resource needs a bearer access token (RFC 6750 §2.1: Authorization: Bearer <token>).' }),
    {
      status: 401,
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        'Cache-Control': 'no-store',
        'WWW-Authenticate': bearerChallenge(realm, undefined, undefined, undefined, space),
      },
    },
  );
}

/** RFC 9449 §7.1: the error codes of the DPoP scheme — RFC 6750 §3.1's, plus `invalid_dpop_proof`. */
export type DPoPErrorCode = BearerErrorCode | 'invalid_dpop_proof';

/**
 * RFC 9449 §7.1: the `DPoP` challenge, always with `algs` (the proof algorithms this RS accepts)
 * and, for an error, its code and description (RFC 6750 §3 syntax).
 */
export function dpopChallenge(code?: DPoPErrorCode, description?: string, scope?: string): string {
  const params: string[] = [];
  if (code) params.push(`error="${code}"`);
  if (code && description) params.push(`error_description="${challengeSafe(description)}"`);
  if (scope) params.push(`scope="${challengeSafe(scope)}"`);
  params.push(`algs="${DPOP_SIGNING_ALGS.join(' ')}"`);
  return `DPoP ${params.join(', ')}`;
}

const DPOP_STATUS: Record<DPoPErrorCode, number> = { ...STATUS, invalid_dpop_proof: 401 };

/**
 * The error for a request that used the DPoP scheme: the DPoP challenge with the error first, then
 * the bare Bearer one — this RS accepts both schemes, so it names both (RFC 9449 §7.2, RFC 9110 §11.6.1).
 */
export function dpopError(realm: Realm, code: DPoPErrorCode, description: string, scope?: string, space?: string): OAuthError {
  return new OAuthError(code, description, DPOP_STATUS[code], {
    'WWW-Authenticate': `${dpopChallenge(code, description, scope)}, ${bearerChallenge(realm, undefined, undefined, undefined, space)}`,
  });
}

/** 405 with `Allow` (RFC 9110 §15.5.6). */
export function methodNotAllowed(method: string, allow: string[]): OAuthError {
  return new OAuthError('invalid_request', `The method ${method.slice(0, 20)} is not allowed here; use ${allow.join(' or ')}.`, 405, {
    Allow: allow.join(', '),
  });
}
