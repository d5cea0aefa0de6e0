import { DPOP_SIGNING_ALGS } from '../dpop/verify-proof';
import { jsonResponse, requireMethod } from './http';
import { supportedGrantTypes } from './token/grants';
import type { Realm } from '../realms/types';

/**
 * Authorization server metadata: one document served at both
 * `{issuer}/.well-known/openid-configuration` (OIDC Discovery 1.0 §4) and the RFC 8414 §3
 * path-inserted `{origin}/.well-known/oauth-authorization-server/as/{realm}`. `issuer` must equal
 * the identifier the client started from (RFC 8414 §3.3), so it is built from the request's origin.
 */
export function authorizationServerMetadata(realm: Realm): Record<string, unknown> {
  const at = (path: string) => `${realm.issuer}/${path}`;
  const implicit = realm.points['as.response-types'].includes('token');
  return {
    issuer: realm.issuer,
    authorization_endpoint: at('authorize'),
    token_endpoint: at('token'),
    device_authorization_endpoint: at('device_authorization'),
    jwks_uri: at('jwks'),
    userinfo_endpoint: at('userinfo'),
    introspection_endpoint: at('introspect'),
    revocation_endpoint: at('revoke'),
    scopes_supported: Object.keys(realm.scopes),
    response_types_supported: [...realm.points['as.response-types']],
    response_modes_supported: implicit ? ['query', 'fragment'] : ['query'],
    grant_types_supported: implicit ? [...supportedGrantTypes(realm), 'implicit'] : supportedGrantTypes(realm),
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    // RFC 7662 §2.1: introspection is for confidential callers only.
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    // RFC 9700 §2.1.1: S256 only; `plain` is offered only where a lab realm accepts it.
    code_challenge_methods_supported: [...realm.points['as.pkce-methods']],
    // RFC 9207 §3: the authorization response carries `iss` (mix-up defence), unless a lab realm dropped it.
    authorization_response_iss_parameter_supported: realm.points['as.authorization-response-iss'].send,
    // ID tokens are signed with the default ES256 key; RS256 is listed too because OIDC Discovery §3 requires it.
    id_token_signing_alg_values_supported: realm.keys.all.map((k) => k.alg),
    subject_types_supported: ['public'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'azp', 'at_hash', 'name', 'email', 'email_verified'],
    claims_parameter_supported: false,
    request_parameter_supported: false,
    // OIDC Discovery §3 defaults this to true; say plainly it is not supported.
    request_uri_parameter_supported: false,
    // RFC 9068 §2.1 access tokens are signed with the same keys as ID tokens.
    access_token_signing_alg_values_supported: [realm.points['as.access-token-key'](realm.keys).alg],
    // RFC 9449 §5.1: the token endpoint takes DPoP proofs signed with these. No server nonces (§8).
    dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS],
  };
}

/** `GET` handler for both metadata locations. */
export async function discoveryEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['GET']);
  return jsonResponse(authorizationServerMetadata(realm));
}
