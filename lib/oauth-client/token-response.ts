import { fail, ok, type Result } from './result';

/** RFC 6749 §5.1 (+ OIDC Core §3.1.3.3 `id_token`). */
export interface TokenSet {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(body);
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a token-endpoint answer: 200 with a token set (§5.1), or the error JSON of §5.2 as a value.
 * `tokenTypes` are the types the client can use (lower case): `['dpop']` after a request with a DPoP
 * proof (RFC 9449 §5: a client that asked for a bound token must not get a bearer one unnoticed).
 */
export function processTokenResponse(
  status: number,
  body: string,
  where = 'token',
  tokenTypes: readonly string[] = ['bearer'],
): Result<TokenSet> {
  const json = parseJson(body);
  if (!json) return fail('invalid_response', `The token endpoint answered HTTP ${status} without a JSON object.`, where);
  if (status !== 200) {
    const code = typeof json.error === 'string' ? json.error : 'invalid_response';
    const description = typeof json.error_description === 'string' ? `: ${json.error_description}` : '';
    return fail(code, `${code}${description}`, where);
  }
  if (typeof json.access_token !== 'string') return fail('invalid_response', 'The token response has no access_token.', where);
  // RFC 6749 §7.1: the token type is case-insensitive; by default we only know how to use Bearer (RFC 6750).
  if (typeof json.token_type !== 'string' || !tokenTypes.includes(json.token_type.toLowerCase())) {
    return fail('invalid_response', `Unexpected token_type "${String(json.token_type)}".`, where);
  }
  return ok(json as unknown as TokenSet);
}

/** RFC 8628 §3.2. */
export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  expires_in: number;
  interval?: number;
}

export function processDeviceAuthorizationResponse(status: number, body: string): Result<DeviceAuthorization> {
  const json = parseJson(body);
  if (!json)
    return fail('invalid_response', `The device authorization endpoint answered HTTP ${status} without JSON.`, 'device_authorization');
  if (status !== 200)
    return fail(String(json.error ?? 'invalid_response'), String(json.error_description ?? json.error ?? 'error'), 'device_authorization');
  for (const field of ['device_code', 'user_code', 'verification_uri'] as const) {
    if (typeof json[field] !== 'string')
      return fail('invalid_response', `The device authorization response has no ${field}.`, 'device_authorization');
  }
  if (typeof json.expires_in !== 'number')
    return fail('invalid_response', 'The device authorization response has no expires_in.', 'device_authorization');
  return ok(json as unknown as DeviceAuthorization);
}
