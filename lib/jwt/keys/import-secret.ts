import { decodeBase64url } from '../base64url';
import { fail, ok, type Result } from '../result';

export type SecretEncoding = 'utf8' | 'base64url' | 'hex';

/** Turns the secret as typed into HMAC key bytes (RFC 7518 §3.2). */
export function secretBytes(text: string, encoding: SecretEncoding): Result<Uint8Array> {
  if (text === '') return fail('empty_secret', 'Type the shared secret.', 'key');
  if (encoding === 'utf8') return ok(new TextEncoder().encode(text));
  if (encoding === 'base64url') {
    const r = decodeBase64url(text.trim().replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'), 'key');
    return r.ok ? r : fail('bad_secret', 'The secret is not valid base64url.', 'key');
  }
  const hex = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return fail('bad_secret', 'The secret is not hex: use pairs of 0-9 and a-f.', 'key');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return ok(out);
}
