import { encodeBase64url } from '../jwt/base64url';

/**
 * DPoP proofs (RFC 9449 §4) made in the browser with WebCrypto: an ES256 key pair whose private
 * key is not extractable (script can use it but never read it, RFC 9449 §2, §11.1), and one signed
 * proof JWT per request. Browser-safe: no Node APIs, no server code.
 *
 * Does NOT handle `use_dpop_nonce` retries (§8, §9): the caller decides what to do with that error.
 */

export interface DPoPKey {
  privateKey: CryptoKey;
  /** The public key as a JWK with only its required members (RFC 7638 §3.2), put in every proof's header. */
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  /** RFC 7638 SHA-256 thumbprint: what the AS puts in the token's `cnf.jkt` (RFC 9449 §6.1). */
  jkt: string;
}

const utf8 = new TextEncoder();

/** A fresh P-256 key pair; the private key cannot be exported. */
export async function generateDPoPKey(): Promise<DPoPKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  if (!jwk.x || !jwk.y) throw new Error('The browser exported a public key without x and y.');
  const publicJwk = { kty: 'EC' as const, crv: 'P-256' as const, x: jwk.x, y: jwk.y };
  return { privateKey: pair.privateKey, publicJwk, jkt: await jwkThumbprint(publicJwk) };
}

/** RFC 7638 §3: SHA-256 over the required members in lexicographic order, no whitespace. */
export async function jwkThumbprint(jwk: DPoPKey['publicJwk']): Promise<string> {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(canonical))));
}

/** RFC 9449 §4.2 `ath`: base64url SHA-256 of the access token's ASCII. */
export async function accessTokenHashOf(accessToken: string): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(accessToken))));
}

export interface ProofClaims {
  /** The request's method (§4.2 `htm`). */
  htm: string;
  /** The request's URI; query and fragment are removed (§4.2 `htu`). */
  htu: string;
  /** At a resource server: the token the request carries (hashed into `ath`). */
  accessToken?: string;
  nonce?: string;
  /** For tests: a fixed `jti` / `iat`. */
  jti?: string;
  iat?: number;
}

/**
 * One DPoP proof: header `{ typ: dpop+jwt, alg: ES256, jwk }`, claims `jti htm htu iat` (+ `ath`, `nonce`).
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2 RFC 9449 §4.2
 */
export async function dpopProof(key: DPoPKey, claims: ProofClaims): Promise<string> {
  const url = new URL(claims.htu);
  url.search = '';
  url.hash = '';
  const payload: Record<string, unknown> = {
    jti: claims.jti ?? crypto.randomUUID(),
    htm: claims.htm,
    htu: url.href,
    iat: claims.iat ?? Math.floor(Date.now() / 1000),
  };
  if (claims.accessToken !== undefined) payload.ath = await accessTokenHashOf(claims.accessToken);
  if (claims.nonce !== undefined) payload.nonce = claims.nonce;
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk };
  const input = `${encodeBase64url(utf8.encode(JSON.stringify(header)))}.${encodeBase64url(utf8.encode(JSON.stringify(payload)))}`;
  // WebCrypto's ECDSA signature is r || s, 64 bytes: exactly the JWS form (RFC 7518 §3.4).
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, utf8.encode(input)));
  return `${input}.${encodeBase64url(signature)}`;
}
