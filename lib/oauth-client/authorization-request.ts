/** Parameters of an authorization request with PKCE and OIDC (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1). */
export interface AuthorizationParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce?: string;
  codeChallenge: string;
  /** OIDC Core §3.1.2.1; `consent` when asking for `offline_access` (OIDC Core §11). */
  prompt?: string;
}

export interface ExplainedParam {
  name: string;
  value: string;
  why: string;
  spec: string;
}

/** Builds the authorization URL on the endpoint read from discovery; returns each parameter explained. */
export function buildAuthorizationUrl(endpoint: string, p: AuthorizationParams): { url: string; params: ExplainedParam[] } {
  const params: ExplainedParam[] = [
    { name: 'response_type', value: 'code', why: 'Asks for an authorization code, the only response type OAuth 2.1 keeps (no tokens in the URL).', spec: 'RFC 6749 §4.1.1' },
    { name: 'client_id', value: p.clientId, why: 'Which registered app is asking; the AS shows its name on the consent page.', spec: 'RFC 6749 §2.2' },
    { name: 'redirect_uri', value: p.redirectUri, why: 'Where the AS sends the browser back. It must match a registered URI exactly, or the AS shows an error instead of redirecting.', spec: 'RFC 9700 §4.1.3' },
    { name: 'scope', value: p.scope, why: 'What the app asks to do. `openid` makes this an OpenID Connect request and earns an ID token.', spec: 'RFC 6749 §3.3' },
    { name: 'state', value: p.state, why: 'A random value the client remembers and expects back unchanged: it ties the response to this browser and stops CSRF.', spec: 'RFC 6749 §10.12' },
    ...(p.nonce ? [{ name: 'nonce', value: p.nonce, why: 'A random value the AS copies into the ID token, so a replayed ID token is refused.', spec: 'OIDC Core §3.1.2.1' }] : []),
    { name: 'code_challenge', value: p.codeChallenge, why: 'The hash of the secret verifier. Only the client knows the verifier, so a stolen code is useless to anyone else.', spec: 'RFC 7636 §4.3' },
    { name: 'code_challenge_method', value: 'S256', why: 'The challenge is SHA-256 of the verifier; `plain` would give the secret away.', spec: 'RFC 7636 §4.2' },
    ...(p.prompt ? [{ name: 'prompt', value: p.prompt, why: 'Which pages the AS must show. `consent` makes it ask the user even if they agreed before; OIDC Core §11 requires it when offline_access asks for a refresh token.', spec: 'OIDC Core §3.1.2.1, §11' }] : []),
  ];
  const url = new URL(endpoint);
  for (const { name, value } of params) url.searchParams.set(name, value);
  return { url: url.toString(), params };
}
