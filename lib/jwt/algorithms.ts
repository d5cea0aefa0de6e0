/** The JWS algorithms the debugger verifies and signs (RFC 7518 §3.1, RFC 8037 §3.1). */
export const JWS_ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;
export type JwsAlg = (typeof JWS_ALGS)[number];

export function isJwsAlg(alg: unknown): alg is JwsAlg {
  return typeof alg === 'string' && (JWS_ALGS as readonly string[]).includes(alg);
}

export function isHmac(alg: string): boolean {
  return /^HS(256|384|512)$/.test(alg);
}

export function hashForHmac(alg: string): 'SHA-256' | 'SHA-384' | 'SHA-512' {
  return alg === 'HS384' ? 'SHA-384' : alg === 'HS512' ? 'SHA-512' : 'SHA-256';
}

/** Which kind of key verifies (or signs) `alg`: a shared secret (RFC 7518 §3.2) or a key pair (§3.3–3.5, RFC 8037). */
export type KeyFamily = 'secret' | 'key-pair';

/** The key family of a JWS `alg`; undefined for `none` and unknown names. Case-sensitive (RFC 7515 §4.1.1). */
export function keyFamily(alg: unknown): KeyFamily | undefined {
  if (!isJwsAlg(alg)) return undefined;
  return isHmac(alg) ? 'secret' : 'key-pair';
}
