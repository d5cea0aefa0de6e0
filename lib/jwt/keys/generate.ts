import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { hmacKeyBits, isHmac, spellsNone } from '../algorithms';
import { encodeBase64url } from '../base64url';
import { explainJoseError } from '../explain-error';
import { ok, fail, type Result } from '../result';

/**
 * A random shared secret for `alg` (HS256/384/512), typed as text: the hash's length in random bytes
 * (RFC 7518 §3.2), base64url-encoded. As UTF-8 it is longer than the minimum, and it carries exactly that
 * many bits of randomness, from the browser's CSPRNG.
 */
export function randomSecret(alg: string): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(hmacKeyBits(alg) / 8)));
}

export interface GeneratedPair {
  privatePem: string;
  publicPem: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

/** A fresh, exportable key pair for `alg` (RSA 2048, P-256/384/521, Ed25519). Never throws. */
export async function generatePair(alg: string): Promise<Result<GeneratedPair>> {
  if (isHmac(alg) || spellsNone(alg)) return fail('no_pair', `"${alg}" does not use a key pair.`, 'key');
  try {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const [privatePem, publicPem, privateJwk, publicJwk] = await Promise.all([
      exportPKCS8(privateKey),
      exportSPKI(publicKey),
      exportJWK(privateKey),
      exportJWK(publicKey),
    ]);
    return ok({ privatePem, publicPem, privateJwk: { ...privateJwk, alg }, publicJwk: { ...publicJwk, alg } });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}
