import { calculateJwkThumbprint, CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { TokenParts } from './forge';

/**
 * Mallory's own keys and what she does with public ones, in the learner's browser (WebCrypto via
 * jose): the key-injection attacks sign with a key pair she made herself, and algorithm confusion
 * turns the AS's published RSA key into the PEM text a naive RS would load from a file.
 */

export interface MallorysKey {
  privateKey: CryptoKey;
  /** Public half only (no `d`), with `kid` = its RFC 7638 thumbprint, `alg` and `use`. */
  publicJwk: JWK;
}

/** A fresh ES256 pair (RFC 7518 §3.4): nothing the authorization server ever saw. */
export async function mallorysKeyPair(): Promise<MallorysKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { privateKey, publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' } };
}

/** A JWS over the parts, signed with `key`; the header (with its `alg`) is used exactly as given. */
export async function signedToken(parts: TokenParts, key: CryptoKey): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify(parts.payload));
  return new CompactSign(payload).setProtectedHeader(parts.header as { alg: string }).sign(key);
}

/**
 * The SPKI PEM of a published RSA key, byte for byte as jose's `exportSPKI` writes it (64-column
 * lines, no trailing newline) — what the lab's weakened RS loads as "the key file". A real attack
 * tries several spellings (trailing newline, PKCS#1), because the HMAC secret must match exactly.
 */
export async function pemOfPublicJwk(jwk: JWK): Promise<string> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  const key = await importJWK({ ...pub, ext: true }, 'RS256', { extractable: true });
  if (key instanceof Uint8Array) throw new TypeError('Not an RSA public key.');
  return exportSPKI(key);
}

/** Public RS256 keys in a JWK Set document, or why there are none. */
export function rsaKeysOf(body: string): { ok: true; keys: JWK[] } | { ok: false; message: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { ok: false, message: 'The JWKS is not JSON.' };
  }
  const keys = (doc as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) return { ok: false, message: 'The JWKS has no "keys" array (RFC 7517 §5).' };
  const rsa = keys.filter(
    (k): k is JWK =>
      typeof k === 'object' &&
      k !== null &&
      (k as JWK).kty === 'RSA' &&
      typeof (k as JWK).n === 'string' &&
      typeof (k as JWK).e === 'string',
  );
  if (rsa.length === 0) return { ok: false, message: 'The JWKS publishes no RSA key, so there is no RSA public key to confuse.' };
  return { ok: true, keys: rsa };
}
