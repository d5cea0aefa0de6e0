import { compactDecrypt, importJWK, type CryptoKey, type JWK } from 'jose';
import { decodeToken } from './decode';
import { explainJoseError } from './explain-error';
import { importPemKey } from './keys/import-pem';
import { parseJwkInput } from './keys/import-jwk';
import { pemOrJwk } from './keys/key-text';
import { secretBytes, type SecretEncoding } from './keys/import-secret';
import { fail, ok, type Result } from './result';

export type JweKeyMaterial =
  { kind: 'secret'; text: string; encoding: SecretEncoding } | { kind: 'pem'; text: string } | { kind: 'jwk'; text: string };

export interface Decrypted {
  plaintext: string;
  header: Record<string, unknown>;
}

/** RFC 7518 §4.8: PBKDF2 iteration counts are attacker-chosen; jose's cap bounds the work. */
export const MAX_PBES2_COUNT = 10_000;

export const KEY_MANAGEMENT = [
  'dir',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'RSA-OAEP',
  'RSA-OAEP-256',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
];

/**
 * Decrypts a compact JWE (RFC 7516 §5.2) with a secret (dir, AES-KW, PBES2 password), a PEM private
 * key or a JWK (RSA-OAEP, ECDH-ES). Never throws.
 */
export async function decryptJwe(token: string, material: JweKeyMaterial): Promise<Result<Decrypted>> {
  const d = decodeToken(token);
  if (!d.ok) return d;
  if (d.value.kind !== 'jwe') return fail('not_jwe', 'This is a signed token (JWS), not an encrypted one.', 'token');
  const alg = d.value.header.json?.alg;
  if (typeof alg !== 'string') return fail('missing_alg', 'The JWE header has no readable "alg".', 'header');
  try {
    const key = await jweKey(material, alg);
    if (!key.ok) return key;
    const r = await compactDecrypt(d.value.token, key.value, { keyManagementAlgorithms: KEY_MANAGEMENT, maxPBES2Count: MAX_PBES2_COUNT });
    return ok({ plaintext: new TextDecoder().decode(r.plaintext), header: r.protectedHeader as Record<string, unknown> });
  } catch (e) {
    return { ok: false, error: explainJoseError(e, 'key', alg) };
  }
}

/** Imports the decryption key for a JWE `alg` from a secret, a private PEM or a JWK. May throw (jose). */
export async function jweKey(material: JweKeyMaterial, alg: string): Promise<Result<CryptoKey | Uint8Array>> {
  if (material.kind === 'secret') return secretBytes(material.text, material.encoding);
  if (pemOrJwk(material.kind, material.text) === 'pem') {
    const r = await importPemKey(material.text, alg);
    return r.ok ? ok(r.value.key) : r;
  }
  const parsed = parseJwkInput(material.text);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'jwk') return fail('jwks_for_jwe', 'Paste the single private JWK, not a JWK Set.', 'key');
  return ok(await importJWK(parsed.value.jwk as JWK, alg));
}
