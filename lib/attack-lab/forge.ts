import { encodeBase64url } from '../jwt/base64url';
import { decodeToken, type JsonObject } from '../jwt/decode';

/**
 * Mallory's token surgery, the way jwt_tool or Burp's JWT editor does it: decode a real token,
 * change its header and claims, and put it back together — unsigned, or signed with whatever key
 * she has. Pure and browser-safe: the attack machines forge in the learner's browser.
 */

export interface TokenParts {
  header: JsonObject;
  payload: JsonObject;
}

const utf8 = new TextEncoder();
const segment = (value: JsonObject) => encodeBase64url(utf8.encode(JSON.stringify(value)));

/** The header and payload of a JWS, or an error message that says why it is not one. */
export function readToken(token: string): { ok: true; value: TokenParts } | { ok: false; message: string } {
  const decoded = decodeToken(token);
  if (!decoded.ok) return { ok: false, message: decoded.error.message };
  const d = decoded.value;
  if (d.kind !== 'jws') return { ok: false, message: 'The token is a JWE: its claims are encrypted, so they cannot be edited.' };
  if (!d.header.json || !d.payload.json) return { ok: false, message: 'The token’s header or payload is not a JSON object.' };
  return { ok: true, value: { header: d.header.json, payload: d.payload.json } };
}

/** `patch` changes or adds members; a member set to `undefined` is removed. */
export function patched(base: JsonObject, patch: Record<string, unknown>): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The signing input `BASE64URL(header) || '.' || BASE64URL(payload)` (RFC 7515 §5.1). */
export function signingInput(parts: TokenParts): string {
  return `${segment(parts.header)}.${segment(parts.payload)}`;
}

/** An Unsecured JWS: the signature part is empty (RFC 7515 Appendix A.5, RFC 7519 §6.1). */
export function unsignedToken(parts: TokenParts): string {
  return `${signingInput(parts)}.`;
}

/** A token whose signature part is kept from another token: it no longer matches the edited claims. */
export function withSignatureOf(parts: TokenParts, original: string): string {
  return `${signingInput(parts)}.${original.split('.')[2] ?? ''}`;
}

/** HS256 over the signing input with raw key bytes (RFC 7518 §3.2), in WebCrypto. An empty key is allowed here: that is the `kid` attack. */
export async function hs256Token(parts: TokenParts, key: Uint8Array): Promise<string> {
  const input = signingInput(parts);
  // WebCrypto refuses a zero-length HMAC key; HMAC pads any key to the block size, so one zero byte is the same key (RFC 2104 §2).
  const raw = key.length === 0 ? new Uint8Array(1) : key;
  const k = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, utf8.encode(input)));
  return `${input}.${encodeBase64url(mac)}`;
}
