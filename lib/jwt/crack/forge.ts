import { encodeBase64url } from '../base64url';
import { decodeToken } from '../decode';
import { prepareHs256Target } from './crack';
import { CrackError } from './errors';
import { FixedMessageHmacSha256 } from './hmac-sha256';

/**
 * The attacker's next step once the secret is known: the same token with claims changed (or
 * added; `undefined` removes one), re-signed HS256 with that secret. The header part is kept
 * byte for byte. Anyone holding a cracked HMAC secret can mint any token the issuer could
 * (RFC 8725 §3.5; RFC 7518 §3.2 asks for a key of 256 random bits for that reason).
 *
 * Checks first that the secret really produces the token's signature. Does NOT re-check `exp`,
 * `aud` or anything else: whatever the claims say is signed.
 *
 * @throws {CrackError} `ERR_CRACK_MALFORMED_TOKEN` (also when the payload is not a JSON object),
 *   `ERR_CRACK_UNSUPPORTED_ALG`, `ERR_CRACK_WRONG_SECRET`
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.5 RFC 8725 §3.5
 */
export function forgeHs256(token: string, secret: string, claims: Record<string, unknown>): string {
  const { hmac, expected } = prepareHs256Target(token);
  const key = new TextEncoder().encode(secret);
  const mac = hmac.macWords(key);
  if (!mac.every((word, i) => word === expected[i])) {
    throw new CrackError(
      'ERR_CRACK_WRONG_SECRET',
      'This secret does not produce the token’s signature, so it is not the secret the issuer signs with.',
    );
  }
  const decoded = decodeToken(token);
  const d = decoded.ok && decoded.value.kind === 'jws' ? decoded.value : undefined;
  if (!d?.payload.json) throw new CrackError('ERR_CRACK_MALFORMED_TOKEN', d?.payload.error?.message ?? 'The payload is not a JSON object.');
  const payload = encodeBase64url(new TextEncoder().encode(JSON.stringify({ ...d.payload.json, ...claims })));
  const input = `${d.parts[0]}.${payload}`;
  return `${input}.${encodeBase64url(hmacOf(key, input))}`;
}

function hmacOf(key: Uint8Array, input: string): Uint8Array {
  return new FixedMessageHmacSha256(new TextEncoder().encode(input)).mac(key);
}
