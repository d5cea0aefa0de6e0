import { applyClientAuth, type ClientCredentials } from '../oauth-client/client-auth';
import { fail, ok, type Result } from '../oauth-client/result';

/** RFC 7009 §2.1: the client revokes a token it holds, authenticating as it does at the token endpoint. */
export function revocationRequest(
  endpoint: string,
  client: ClientCredentials,
  token: string,
  hint: 'access_token' | 'refresh_token' = 'access_token',
): Request {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
  const form = new URLSearchParams({ token, token_type_hint: hint });
  applyClientAuth(client, headers, form);
  return new Request(endpoint, { method: 'POST', headers, body: form.toString() });
}

/**
 * RFC 7009 §2.2: 200 means the token is revoked or was never valid — the answer is the same on
 * purpose, so it says nothing about the token. Anything else is an RFC 6749 §5.2 error.
 */
export function processRevocationResponse(status: number, body: string): Result<{ status: number }> {
  if (status === 200) return ok({ status });
  let error = `HTTP ${status}`;
  try {
    const v = JSON.parse(body) as { error?: unknown; error_description?: unknown };
    if (typeof v.error === 'string')
      error = `${status} ${v.error}${typeof v.error_description === 'string' ? ` — ${v.error_description}` : ''}`;
  } catch {
    // not JSON: the status says enough
  }
  return fail('revocation_failed', `The revocation endpoint refused the request: ${error}.`, 'revoke');
}
