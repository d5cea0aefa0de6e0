import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, type ProtectedHeaderParameters } from 'jose';

export interface SignatureOutcome {
  header?: ProtectedHeaderParameters;
  payload?: Record<string, unknown>;
  /** Set when the signature checked out against the JWKS. */
  verified: boolean;
  detail: string;
}

/**
 * Verifies a compact JWS against a JWK Set, picking the key by `kid` (RFC 7515 §4.1.4), and only
 * with the asymmetric algorithms the realm publishes — never `none` or HMAC (RFC 8725 §3.1).
 */
export async function verifyWithJwks(token: string, jwks: JSONWebKeySet): Promise<SignatureOutcome> {
  let header: ProtectedHeaderParameters | undefined;
  let payload: Record<string, unknown> | undefined;
  try {
    header = decodeProtectedHeader(token);
    const json: unknown = JSON.parse(new TextDecoder().decode(base64urlDecode(token.split('.')[1] ?? '')));
    if (json && typeof json === 'object') payload = json as Record<string, unknown>;
  } catch {
    return { verified: false, detail: 'The token is not a well-formed JWS.' };
  }
  try {
    await compactVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'] });
    return { header, payload, verified: true, detail: `${header.alg} signature valid with key ${header.kid ?? '(no kid)'}` };
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'ERR_JWS_INVALID';
    return { header, payload, verified: false, detail: `Signature refused (${code}).` };
  }
}

export function base64urlDecode(input: string): Uint8Array {
  const b64 = input.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
