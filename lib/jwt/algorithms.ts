/** The JWS algorithms the debugger verifies and signs (RFC 7518 §3.1, RFC 8037 §3.1). */
export const JWS_ALGS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
export type JwsAlg = (typeof JWS_ALGS)[number];

export function isJwsAlg(alg: unknown): alg is JwsAlg {
  return typeof alg === 'string' && (JWS_ALGS as readonly string[]).includes(alg);
}

export function isHmac(alg: unknown): alg is string {
  return typeof alg === 'string' && /^HS(256|384|512)$/.test(alg);
}

/**
 * `none` in any letter case. Only the lower-case `none` is the unsecured algorithm (RFC 7515 §4.1.1,
 * RFC 7518 §3.6); the other spellings are unknown names — and the classic attempt to slip past a
 * filter that blocks only the exact `none`, which a naive verifier lower-cases.
 */
export function spellsNone(alg: unknown): alg is string {
  return typeof alg === 'string' && alg.toLowerCase() === 'none';
}

export function hashForHmac(alg: string): 'SHA-256' | 'SHA-384' | 'SHA-512' {
  return `SHA-${hmacKeyBits(alg)}`;
}

/** The shortest HMAC key `alg` allows: as long as its hash output (RFC 7518 §3.2). */
export function hmacKeyBits(alg: string): 256 | 384 | 512 {
  return alg === 'HS384' ? 384 : alg === 'HS512' ? 512 : 256;
}

/**
 * Why `alg` cannot be verified when it is not a supported name. A "none" in other letters is not "none"
 * (names are case-sensitive, RFC 7515 §4.1.1) but an unknown algorithm, and the classic attempt to slip
 * past a filter that only blocks the exact "none".
 */
export function unknownAlgMessage(alg: string): string {
  if (spellsNone(alg))
    return `"${alg}" is not "none": algorithm names are case-sensitive (RFC 7515 §4.1.1), so this is an unknown algorithm and must be rejected. Re-spelling "none" is a classic attempt to bypass verification.`;
  return `"${alg}" is not a supported algorithm (${JWS_ALGS.join(', ')}; names are case-sensitive): reject the token.`;
}

/** Which kind of key verifies (or signs) `alg`: a shared secret (RFC 7518 §3.2) or a key pair (§3.3–3.5, RFC 8037). */
export type KeyFamily = 'secret' | 'key-pair';

/** The key family of a JWS `alg`; undefined for `none` and unknown names. Case-sensitive (RFC 7515 §4.1.1). */
export function keyFamily(alg: unknown): KeyFamily | undefined {
  if (!isJwsAlg(alg)) return undefined;
  return isHmac(alg) ? 'secret' : 'key-pair';
}
