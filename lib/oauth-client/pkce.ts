/** base64url without padding (RFC 7636 Appendix A). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A high-entropy code verifier: 32 random octets, base64url-encoded to 43 characters
 * (RFC 7636 §4.1 recommends exactly this).
 */
export function makeCodeVerifier(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return base64url(random(32));
}

/** Random `state` / `nonce` values: 128 bits is plenty to be unguessable (RFC 6749 §10.12, OIDC Core §15.5.2). */
export function makeRandomValue(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return base64url(random(16));
}

export interface ChallengeSteps {
  verifier: string;
  /** The ASCII bytes of the verifier, hex, as SHA-256 sees them. */
  asciiHex: string;
  /** SHA-256 of those bytes, hex. */
  sha256Hex: string;
  /** BASE64URL(SHA256(ASCII(code_verifier))) — RFC 7636 §4.2. */
  challenge: string;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Computes the S256 challenge and keeps each intermediate value, so the player can show the working. */
export async function s256ChallengeSteps(verifier: string): Promise<ChallengeSteps> {
  const ascii = new TextEncoder().encode(verifier);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ascii));
  return { verifier, asciiHex: hex(ascii), sha256Hex: hex(digest), challenge: base64url(digest) };
}
