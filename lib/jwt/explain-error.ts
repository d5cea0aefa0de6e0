import type { JwtError, JwtWhere } from './result';

const PLAIN: Record<string, string> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED:
    'Signature is NOT valid: the header and payload were changed, or this is not the key that signed them.',
  ERR_JOSE_ALG_NOT_ALLOWED: 'This algorithm is not allowed here.',
  ERR_JWKS_NO_MATCHING_KEY: 'No key in the JWK Set matches this token (its "kid", key type or algorithm).',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'Several keys in the JWK Set match and the token has no "kid" to pick one.',
  ERR_JWKS_INVALID: 'The JWK Set is malformed.',
  ERR_JWKS_TIMEOUT: 'Fetching the JWK Set timed out.',
  ERR_JWK_INVALID: 'The JWK is malformed or missing members for its key type.',
  ERR_JWS_INVALID: 'The token is not a well-formed JWS.',
  ERR_JWT_INVALID: 'The token is not a well-formed JWT.',
  ERR_JWE_INVALID: 'The token is not a well-formed JWE.',
  ERR_JWE_DECRYPTION_FAILED: 'Decryption failed: wrong key, or the ciphertext was changed.',
  ERR_JOSE_NOT_SUPPORTED: 'This algorithm or key is not supported.',
  ERR_JWT_EXPIRED: 'The token has expired.',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'A claim check failed.',
};

/**
 * Turns anything jose or WebCrypto throws into plain words with a stable code, so the UI never shows
 * a raw exception (jose errors carry a `code`, see jose/dist/types/util/errors.d.ts).
 */
export function explainJoseError(e: unknown, where: JwtWhere, alg?: string): JwtError {
  const code =
    typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
  if (code && PLAIN[code]) {
    const extra = code === 'ERR_JOSE_ALG_NOT_ALLOWED' && alg ? ` ("${alg}")` : '';
    return { code, message: PLAIN[code].replace(/\.$/, `${extra}.`), where };
  }
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : '';
  if (name === 'TypeError' && /key|CryptoKey|type/i.test(msg)) {
    return {
      code: 'key_type_mismatch',
      message: `This key cannot be used with ${alg ?? 'this algorithm'}: the key type or curve does not match the token's "alg".`,
      where,
    };
  }
  if (name === 'DataError' || name === 'NotSupportedError' || /import|DER|asn|decode/i.test(msg)) {
    return {
      code: 'key_import_failed',
      message: `The key could not be read for ${alg ?? 'this algorithm'}: check that it is the right type and complete.`,
      where,
    };
  }
  return {
    code: code ?? 'unexpected',
    message: 'The operation failed for a reason the debugger does not recognise; check the key and the token.',
    where,
  };
}
