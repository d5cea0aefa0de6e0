import { calculateJwkThumbprint } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';

import { inProcessFetch } from '../../server-router';
import { ISSUER, ORIGIN, discover, resetServer, REALM_ID } from './harness';

beforeEach(resetServer);

describe('discovery and JWKS, read by oauth4webapi', () => {
  it.each(['oidc', 'oauth2'] as const)('serves %s metadata that oauth4webapi accepts and that lists every endpoint', async (algorithm) => {
    const as = await discover(algorithm);
    expect(as.issuer).toBe(ISSUER.href);
    for (const [name, path] of [
      ['authorization_endpoint', 'authorize'],
      ['token_endpoint', 'token'],
      ['device_authorization_endpoint', 'device_authorization'],
      ['jwks_uri', 'jwks'],
      ['userinfo_endpoint', 'userinfo'],
      ['introspection_endpoint', 'introspect'],
      ['revocation_endpoint', 'revoke'],
    ] as const) {
      expect(as[name]).toBe(`${ISSUER.href}/${path}`);
    }
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.response_types_supported).toEqual(['code']);
    expect(as.authorization_response_iss_parameter_supported).toBe(true);
    expect(as.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code']),
    );
    expect(as.grant_types_supported).not.toContain('password');
    expect(as.grant_types_supported).not.toContain('implicit');
    expect(as.scopes_supported).toEqual(['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write']);
  });

  it('serves the same document at the RFC 8414 path-inserted and the OIDC locations', async () => {
    const a = await (await inProcessFetch(`${ORIGIN}/.well-known/oauth-authorization-server/as/${REALM_ID}`)).json();
    const b = await (await inProcessFetch(`${ISSUER.href}/.well-known/openid-configuration`)).json();
    expect(a).toEqual(b);
  });

  it('publishes an ES256 and an RS256 key whose kid is the RFC 7638 thumbprint, without private members', async () => {
    const as = await discover();
    const response = await inProcessFetch(as.jwks_uri!);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.map((k) => k.alg)).toEqual(['ES256', 'RS256']);
    for (const key of keys) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) expect(key).not.toHaveProperty(member);
      expect(key.kid).toBe(await calculateJwkThumbprint(key, 'sha256'));
    }
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await inProcessFetch(`${ISSUER.href}/jwks`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });
});
