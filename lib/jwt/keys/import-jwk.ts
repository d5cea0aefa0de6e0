import type { JsonObject } from '../decode';
import { fail, ok, type Result } from '../result';
import { keyTextKind } from './key-text';

export type ParsedJwkInput =
  { kind: 'jwk'; jwk: JsonWebKey & { kid?: string; alg?: string } } | { kind: 'jwks'; jwks: { keys: JsonWebKey[] } };

/** Reads pasted JSON as a single JWK (RFC 7517 §4) or a JWK Set (RFC 7517 §5). */
export function parseJwkInput(text: string): Result<ParsedJwkInput> {
  if (keyTextKind(text) === 'pem')
    return fail(
      'pem_not_jwk',
      'This is a PEM key, not a JWK: read it as PEM, or paste a JWK ({"kty":…}) or a JWK Set ({"keys":[…]}).',
      'key',
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('bad_jwk_json', 'The key is not JSON: paste a JWK ({"kty":…}) or a JWK Set ({"keys":[…]}).', 'key');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('bad_jwk', 'A JWK must be a JSON object.', 'key');
  const obj = value as JsonObject;
  if (Array.isArray(obj.keys)) {
    const keys = obj.keys.filter((k): k is JsonWebKey => !!k && typeof k === 'object' && typeof (k as JsonObject).kty === 'string');
    if (keys.length === 0) return fail('empty_jwks', 'The JWK Set has no usable keys (each needs "kty").', 'jwks');
    return ok({ kind: 'jwks', jwks: { keys } });
  }
  if (typeof obj.kty !== 'string') return fail('bad_jwk', 'The JWK has no "kty" (key type, RFC 7517 §4.1).', 'key');
  return ok({ kind: 'jwk', jwk: obj as JsonWebKey });
}

/** Strips private members so a JWK can be shared (RFC 7518 §6). */
export function publicJwk(jwk: JsonWebKey): JsonWebKey {
  const { d, p, q, dp, dq, qi, k, oth, ...rest } = jwk as JsonWebKey & { oth?: unknown };
  void d;
  void p;
  void q;
  void dp;
  void dq;
  void qi;
  void k;
  void oth;
  return rest;
}
