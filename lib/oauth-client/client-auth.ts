/** How a client proves who it is at the token endpoint (RFC 6749 §2.3.1, OIDC Core §9). */
export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';

export interface ClientCredentials {
  clientId: string;
  secret?: string;
  method: ClientAuthMethod;
}

/**
 * RFC 6749 §2.3.1: for HTTP Basic the id and secret are first form-urlencoded (Appendix B),
 * then joined by ':' and base64-encoded. Forgetting the first step breaks secrets with ':' or '%'.
 */
export function basicAuthorization(clientId: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${btoa(`${enc(clientId)}:${enc(secret)}`)}`;
}

/** Adds the client's authentication to a token-endpoint request's headers and form. */
export function applyClientAuth(client: ClientCredentials, headers: Headers, form: URLSearchParams): void {
  if (client.method === 'client_secret_basic') {
    headers.set('authorization', basicAuthorization(client.clientId, client.secret ?? ''));
    return;
  }
  // A public client identifies itself with client_id in the body (RFC 6749 §3.2.1);
  // client_secret_post puts the secret beside it (RFC 6749 §2.3.1, "NOT RECOMMENDED" but allowed).
  form.set('client_id', client.clientId);
  if (client.method === 'client_secret_post') form.set('client_secret', client.secret ?? '');
}
