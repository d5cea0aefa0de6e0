import { CompactSign, importJWK, type CryptoKey, type JWK } from 'jose';
import { isHmac, isJwsAlg, JWS_ALGS } from './algorithms';
import { encodeBase64url } from './base64url';
import { explainJoseError } from './explain-error';
import { importPemKey } from './keys/import-pem';
import { parseJwkInput } from './keys/import-jwk';
import { pemOrJwk } from './keys/key-text';
import { secretBytes, type SecretEncoding } from './keys/import-secret';
import { fail, ok, type Result } from './result';

export type SignKeyMaterial =
  { kind: 'secret'; text: string; encoding: SecretEncoding } | { kind: 'pem'; text: string } | { kind: 'jwk'; text: string };

export interface Signed {
  token: string;
  unsecured: boolean;
}

/** Parses editor JSON that must be an object (RFC 7519 §7.1 steps 1–2); says where it breaks. */
export function parseEditorJson(text: string, what: 'header' | 'payload'): Result<Record<string, unknown>> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return fail('not_json', `The ${what} is not valid JSON: ${e instanceof Error ? e.message : 'syntax error'}.`, 'editor');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('not_object', `The ${what} must be a JSON object.`, 'editor');
  return ok(v as Record<string, unknown>);
}

/**
 * Builds a compact JWS (RFC 7515 §5.1) from the edited header and payload. `alg: none` yields an
 * Unsecured JWT (RFC 7519 §6) with an empty signature; "alg" is case-sensitive (RFC 7515 §4.1.1). Never throws.
 */
export async function signToken(headerText: string, payloadText: string, material: SignKeyMaterial | undefined): Promise<Result<Signed>> {
  const header = parseEditorJson(headerText, 'header');
  if (!header.ok) return header;
  const payload = parseEditorJson(payloadText, 'payload');
  if (!payload.ok) return payload;
  const alg = header.value.alg;
  const payloadBytes = new TextEncoder().encode(JSON.stringify(payload.value));
  if (alg === 'none') {
    const h = encodeBase64url(new TextEncoder().encode(JSON.stringify(header.value)));
    return ok({ token: `${h}.${encodeBase64url(payloadBytes)}.`, unsecured: true });
  }
  if (!isJwsAlg(alg)) return fail('bad_alg', `Set "alg" in the header to one of ${JWS_ALGS.join(', ')} or "none".`, 'editor');
  if (!material) return fail('no_key', 'Give a key to sign with.', 'key');
  try {
    const key = await signingKey(material, alg);
    if (!key.ok) return key;
    const token = await new CompactSign(payloadBytes).setProtectedHeader({ ...header.value, alg }).sign(key.value);
    return ok({ token, unsecured: false });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}

async function signingKey(m: SignKeyMaterial, alg: string): Promise<Result<CryptoKey | Uint8Array>> {
  if (m.kind === 'secret') {
    if (!isHmac(alg)) return fail('key_type_mismatch', `"${alg}" signs with a private key, not a shared secret.`, 'key');
    return secretBytes(m.text, m.encoding);
  }
  if (isHmac(alg)) return fail('key_type_mismatch', `"${alg}" signs with a shared secret, not a private key.`, 'key');
  if (pemOrJwk(m.kind, m.text) === 'pem') {
    const r = await importPemKey(m.text, alg);
    if (!r.ok) return r;
    if (!r.value.isPrivate)
      return fail('public_key_given', 'This is a public key: signing needs the private key (PKCS#8 or PKCS#1).', 'key');
    return ok(r.value.key);
  }
  const parsed = parseJwkInput(m.text);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'jwk') return fail('jwks_for_signing', 'Paste one private JWK, not a JWK Set.', 'key');
  if (parsed.value.jwk.d === undefined)
    return fail('public_key_given', 'This JWK has no private part ("d"): signing needs the private key.', 'key');
  const key = await importJWK(parsed.value.jwk as JWK, alg);
  return ok(key);
}
