import type { Check } from '@/lib/oauth-client/checklist';
import { checkStateAndIssuer, type CallbackExpectations } from '@/lib/oauth-client/authorization-response';
import { fail, ok, type Result } from '@/lib/oauth-client/result';

/** What the implicit grant's redirect carries when it works (RFC 6749 §4.2.2), read from the fragment. */
export interface FragmentToken {
  accessToken: string;
  tokenType: string;
  expiresIn?: number;
  scope?: string;
}

/** The same expectations as a code response's: state and issuer (lib/oauth-client/authorization-response.ts). */
export type ImplicitExpectations = CallbackExpectations;

/**
 * The parameters of the redirect and where they were: RFC 6749 §4.2.2 puts a token (and the errors
 * found once the request is known to be implicit, §4.2.2.1) in the fragment; an AS that refuses
 * `response_type=token` itself answers in the query, as for any request it does not run as implicit.
 */
export function responseParams(callbackUrl: string): { where: 'fragment' | 'query'; params: URLSearchParams } | undefined {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return undefined;
  }
  if (url.hash.length > 1) return { where: 'fragment', params: new URLSearchParams(url.hash.slice(1)) };
  return { where: 'query', params: url.searchParams };
}

/** The client's checks of an implicit redirect: state (RFC 6749 §10.12), iss (RFC 9207 §2.4), then error or token. */
export function validateImplicitCallback(
  callbackUrl: string,
  expect: ImplicitExpectations,
): { checks: Check[]; result: Result<FragmentToken> } {
  const found = responseParams(callbackUrl);
  if (!found) return { checks: [], result: fail('malformed_callback', 'The redirect URL could not be read.', 'callback') };
  const { params, where } = found;
  const { checks, refused } = checkStateAndIssuer(params, expect);
  if (refused) return { checks, result: refused };
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    return {
      checks,
      result: fail(
        error.slice(0, 100),
        `${error.slice(0, 100)}${description ? `: ${description.slice(0, 500)}` : ''} (in the ${where})`,
        'callback',
      ),
    };
  }
  const accessToken = params.get('access_token');
  if (!accessToken || where !== 'fragment')
    return { checks, result: fail('missing_token', 'The response has neither an access token in the fragment nor an error.', 'callback') };
  const tokenType = params.get('token_type') ?? '';
  const typeOk = tokenType.toLowerCase() === 'bearer';
  checks.push({ name: 'token_type is Bearer', passed: typeOk, detail: `token_type = ${tokenType || '(none)'}`, spec: 'RFC 6749 §4.2.2' });
  if (!typeOk)
    return {
      checks,
      result: fail(
        'unsupported_token_type',
        'The fragment’s token_type is not Bearer: this client does not know how to use it.',
        'callback',
      ),
    };
  checks.push({
    name: 'an access token came back in the fragment',
    passed: true,
    detail: `${accessToken.length} characters: the token itself, not a code`,
    spec: 'RFC 6749 §4.2.2',
  });
  const expires = Number(params.get('expires_in'));
  return {
    checks,
    result: ok({
      accessToken,
      tokenType,
      scope: params.get('scope') ?? undefined,
      ...(Number.isFinite(expires) && expires > 0 ? { expiresIn: expires } : {}),
    }),
  };
}

export interface ImplicitUrlParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
}

/** RFC 6749 §4.2.1: `response_type=token`; no code, so no PKCE challenge to send. */
export function buildImplicitUrl(endpoint: string, p: ImplicitUrlParams): { url: string; params: Array<{ name: string; value: string }> } {
  const params = [
    { name: 'response_type', value: 'token' },
    { name: 'client_id', value: p.clientId },
    { name: 'redirect_uri', value: p.redirectUri },
    { name: 'scope', value: p.scope },
    { name: 'state', value: p.state },
  ];
  const url = new URL(endpoint);
  for (const { name, value } of params) url.searchParams.set(name, value);
  return { url: url.toString(), params };
}
