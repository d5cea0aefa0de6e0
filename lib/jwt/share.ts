import { parseJwkInput } from './keys/import-jwk';
import { parsePem } from './keys/pem';

/**
 * Share links carry the token in the URL fragment only: browsers never send the fragment to the
 * server (RFC 3986 §3.5). A public key may ride along; a secret or private key never does.
 */
export function buildShareHash(token: string, publicKey?: string): string {
  const params = new URLSearchParams({ token });
  if (publicKey && isShareablePublicKey(publicKey)) params.set('key', publicKey);
  return `#${params.toString()}`;
}

export function parseShareHash(hash: string): { token?: string; key?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token') ?? undefined;
  const key = params.get('key') ?? undefined;
  return { token, key: key && isShareablePublicKey(key) ? key : undefined };
}

/** True only for a public PEM/certificate or a JWK / JWK Set with no private members. */
export function isShareablePublicKey(text: string): boolean {
  const pem = parsePem(text);
  if (pem.ok) return pem.value.label === 'PUBLIC KEY' || pem.value.label === 'RSA PUBLIC KEY' || pem.value.label === 'CERTIFICATE';
  const jwk = parseJwkInput(text);
  if (!jwk.ok) return false;
  const keys = jwk.value.kind === 'jwk' ? [jwk.value.jwk] : jwk.value.jwks.keys;
  return keys.every((k) => k.kty !== 'oct' && k.d === undefined && k.k === undefined);
}
