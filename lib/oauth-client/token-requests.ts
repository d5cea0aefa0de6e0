import { applyClientAuth, type ClientCredentials } from './client-auth';

function formRequest(url: string, client: ClientCredentials, fields: Record<string, string>): Request {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
  const form = new URLSearchParams(fields);
  applyClientAuth(client, headers, form);
  return new Request(url, { method: 'POST', headers, body: form.toString() });
}

/** RFC 6749 §4.1.3 + RFC 7636 §4.5: redeem the code, proving possession of the verifier. */
export function authorizationCodeRequest(
  tokenEndpoint: string,
  client: ClientCredentials,
  p: { code: string; redirectUri: string; codeVerifier: string },
): Request {
  return formRequest(tokenEndpoint, client, {
    grant_type: 'authorization_code',
    code: p.code,
    redirect_uri: p.redirectUri,
    code_verifier: p.codeVerifier,
  });
}

/** RFC 6749 §4.4.2: the client asks for itself; there is no user. */
export function clientCredentialsRequest(tokenEndpoint: string, client: ClientCredentials, scope: string): Request {
  return formRequest(tokenEndpoint, client, { grant_type: 'client_credentials', scope });
}

/** RFC 6749 §4.4.2 with RFC 8707 §2.2: a token for the API named by `resource`, which becomes its `aud`. */
export function clientCredentialsForResourceRequest(
  tokenEndpoint: string,
  client: ClientCredentials,
  scope: string,
  resource: string,
): Request {
  return formRequest(tokenEndpoint, client, { grant_type: 'client_credentials', scope, resource });
}

/** RFC 6749 §6. */
export function refreshTokenRequest(tokenEndpoint: string, client: ClientCredentials, refreshToken: string): Request {
  return formRequest(tokenEndpoint, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** RFC 8628 §3.1. */
export function deviceAuthorizationRequest(endpoint: string, client: ClientCredentials, scope: string): Request {
  return formRequest(endpoint, client, { scope });
}

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628 §3.4. */
export function deviceTokenRequest(tokenEndpoint: string, client: ClientCredentials, deviceCode: string): Request {
  return formRequest(tokenEndpoint, client, { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode });
}

/** RFC 6750 §2.1: the access token in the Authorization header, never in the URL. */
export function bearerRequest(url: string, accessToken: string): Request {
  return new Request(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
}
