import { hashForHmac, hmacKeyBits, isHmac } from '../algorithms';
import type { DecodedJws } from '../decode';
import { COMMON_SECRETS } from './common-secrets';
import { CITE, type Finding } from './types';

/** RFC 7518 §3.2: an HMAC key must be at least as long as the hash output. */
export function shortSecretFinding(alg: string, secretLength: number): Finding | undefined {
  const need = hmacKeyBits(alg);
  if (!isHmac(alg) || secretLength * 8 >= need) return undefined;
  return {
    id: 'short-secret',
    severity: 'high',
    title: `HMAC secret is only ${secretLength * 8} bits`,
    detail: `${alg} needs a key of at least ${need} bits of real randomness; short or human-chosen secrets are cracked offline from one token.`,
    cite: [CITE.rfc7518('3.2'), CITE.bcp225('3.5')],
  };
}

/** Above this the list would hash hundreds of megabytes; real tokens are far smaller. */
export const MAX_CRACK_INPUT = 64 * 1024;

/**
 * Tries each common secret as the HMAC key over the token's exact signing input, locally with
 * WebCrypto. Returns the secret found, or undefined. Never throws.
 */
export async function findCommonSecret(d: DecodedJws, candidates: readonly string[] = COMMON_SECRETS): Promise<string | undefined> {
  const alg = d.header.json?.alg;
  if (typeof alg !== 'string' || !isHmac(alg) || !d.signature.bytes || d.signature.bytes.length === 0) return undefined;
  if (d.parts[0].length + d.parts[1].length > MAX_CRACK_INPUT) return undefined;
  const enc = new TextEncoder();
  const input = enc.encode(`${d.parts[0]}.${d.parts[1]}`);
  const expected = d.signature.bytes;
  try {
    for (const secret of candidates) {
      if (secret === '') continue;
      const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: hashForHmac(alg) }, false, ['sign']);
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, input));
      if (mac.length === expected.length && mac.every((b, i) => b === expected[i])) return secret;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function commonSecretFinding(secret: string): Finding {
  return {
    id: 'common-secret',
    severity: 'high',
    title: `Signed with a well-known secret: "${secret}"`,
    detail:
      'The HMAC secret is in a public list of common secrets, so anyone can forge tokens. Use a random key at least as long as the hash output: 256, 384 or 512 bits for HS256, HS384, HS512.',
    cite: [CITE.bcp225('3.5'), CITE.rfc7518('3.2'), CITE.owasp],
  };
}
