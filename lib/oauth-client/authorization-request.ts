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

/** One parameter of the request, in the order it is sent (the flow's step meta says what each is for). */
export interface AuthorizationParam {
  name: string;
  value: string;
}

/** Builds the authorization URL on the endpoint read from discovery; returns its parameters in order. */
export function buildAuthorizationUrl(endpoint: string, p: AuthorizationParams): { url: string; params: AuthorizationParam[] } {
  const params: AuthorizationParam[] = [
    { name: 'response_type', value: 'code' },
    { name: 'client_id', value: p.clientId },
    { name: 'redirect_uri', value: p.redirectUri },
    { name: 'scope', value: p.scope },
    { name: 'state', value: p.state },
    ...(p.nonce ? [{ name: 'nonce', value: p.nonce }] : []),
    { name: 'code_challenge', value: p.codeChallenge },
    { name: 'code_challenge_method', value: 'S256' },
    ...(p.prompt ? [{ name: 'prompt', value: p.prompt }] : []),
  ];
  const url = new URL(endpoint);
  for (const { name, value } of params) url.searchParams.set(name, value);
  return { url: url.toString(), params };
}
