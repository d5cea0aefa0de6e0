import { fail, ok, type Result } from './result';

/** The metadata fields the flows use (OIDC Discovery 1.0 §3, RFC 8414 §2, RFC 8628 §4). */
export interface ServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  device_authorization_endpoint?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
  code_challenge_methods_supported?: string[];
}

/** `{issuer}/.well-known/openid-configuration` (OIDC Discovery 1.0 §4.1). The only URL a client is told up front. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

export function discoveryRequest(issuer: string): Request {
  return new Request(discoveryUrl(issuer), { headers: { accept: 'application/json' } });
}

const REQUIRED = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;

/**
 * Checks the metadata document. The `issuer` in it must be exactly the issuer we asked
 * (OIDC Discovery 1.0 §4.3, RFC 8414 §3.3): otherwise a server could speak for another.
 */
export function processDiscoveryResponse(expectedIssuer: string, status: number, body: string): Result<ServerMetadata> {
  if (status !== 200) return fail('discovery_failed', `Discovery answered HTTP ${status}, expected 200.`, 'discovery');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail('discovery_failed', 'Discovery did not answer JSON.', 'discovery');
  }
  if (!json || typeof json !== 'object') return fail('discovery_failed', 'Discovery did not answer a JSON object.', 'discovery');
  const meta = json as Record<string, unknown>;
  for (const field of REQUIRED) {
    if (typeof meta[field] !== 'string') return fail('discovery_failed', `Discovery is missing "${field}".`, 'discovery');
  }
  if (meta.issuer !== expectedIssuer) {
    return fail('issuer_mismatch', `Discovery names issuer "${String(meta.issuer)}", but we asked "${expectedIssuer}".`, 'discovery');
  }
  return ok(meta as unknown as ServerMetadata);
}
