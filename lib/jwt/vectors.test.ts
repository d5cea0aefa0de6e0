// One runner for every RFC vector copied into fixtures/ (RFC 7515 App. A, RFC 7520 §4/§5, RFC 8037 App. A, jwt.io defaults).
import { describe, expect, it } from 'vitest';
import a from './fixtures/rfc7515-appendix-a.json';
import jws from './fixtures/rfc7520-jws-cookbook.json';
import jwe from './fixtures/rfc7520-jwe-cookbook.json';
import okp from './fixtures/rfc8037-okp.json';
import jwtio from './fixtures/jwtio-default-tokens.json';
import { decodeToken } from './decode';
import { verifyToken, type KeyMaterial } from './verify';
import { decryptJwe, type JweKeyMaterial } from './jwe';
import { publicJwk } from './keys/import-jwk';
import { decryptJsonSerialization, verifyJsonSerialization } from './json-serialization';

interface Case {
  name: string;
  token: string;
  key: KeyMaterial | null;
  unsecured?: boolean;
}

const jwsCases: Case[] = [
  ...a.vectors.map((v): Case => ({
    name: v.section,
    token: v.compact,
    unsecured: v.alg === 'none',
    key:
      v.alg === 'none'
        ? null
        : v.alg === 'HS256'
          ? { kind: 'jwk', text: JSON.stringify(v.key_jwk) }
          : { kind: 'jwk', text: JSON.stringify(v.public_key_jwk) },
  })),
  ...jws.vectors
    .filter((v) => 'compact' in v.output && typeof v.output.compact === 'string' && !v.title.includes('ML-DSA'))
    .map((v): Case => ({
      name: v.title,
      token: (v.output as { compact: string }).compact,
      key: { kind: 'jwk', text: JSON.stringify(v.input.key.kty === 'oct' ? v.input.key : publicJwk(v.input.key as JsonWebKey)) },
    })),
  {
    name: 'RFC 8037 A.5 Ed25519',
    token: okp.vectors['A.5 Ed25519 validation'].compact,
    key: { kind: 'jwk', text: JSON.stringify(okp.vectors['A.5 Ed25519 validation'].public_jwk) },
  },
  ...Object.entries(jwtio.vectors).map(([alg, v]): Case => {
    const vv = v as { token: string; secret?: string; secret_encoding?: string; public_key_pem?: string };
    if (alg === 'none') return { name: 'jwt.io none', token: vv.token, key: null, unsecured: true };
    if (vv.secret !== undefined)
      return {
        name: `jwt.io ${alg}`,
        token: vv.token,
        key: { kind: 'secret', text: vv.secret, encoding: vv.secret_encoding === 'UTF-8' ? 'utf8' : 'base64url' },
      };
    return { name: `jwt.io ${alg} (PEM)`, token: vv.token, key: { kind: 'pem', text: vv.public_key_pem ?? '' } };
  }),
];

describe('every compact JWS vector decodes and verifies', () => {
  it.each(jwsCases)('$name', async ({ token, key, unsecured }) => {
    const d = decodeToken(token);
    expect(d.ok).toBe(true);
    if (!d.ok || d.value.kind !== 'jws') throw new Error('not a JWS');
    expect(d.value.header.json).toBeDefined();
    if (unsecured || !key) {
      expect(d.value.unsecured).toBe(true);
      const r = await verifyToken(token, { kind: 'secret', text: 'x', encoding: 'utf8' });
      expect(r.ok ? 'verified' : r.error.code).toBe('unsecured');
      return;
    }
    const r = await verifyToken(token, key);
    expect(r.ok ? 'verified' : r.error).toBe('verified');
    // Flip one signature character: the same key must now refuse it.
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    const t = await verifyToken(tampered, key);
    expect(t.ok).toBe(false);
  });
});

describe('every compact JWE vector decrypts', () => {
  const cases = jwe.vectors
    .filter((v) => typeof (v.output as { compact?: unknown }).compact === 'string')
    .map((v) => {
      const input = v.input as { key?: JsonWebKey; pwd?: string; plaintext: string };
      const key: JweKeyMaterial =
        input.pwd !== undefined ? { kind: 'secret', text: input.pwd, encoding: 'utf8' } : { kind: 'jwk', text: JSON.stringify(input.key) };
      return { name: v.title, token: (v.output as { compact: string }).compact, key, plaintext: input.plaintext };
    });
  it.each(cases)('$name', async ({ token, key, plaintext }) => {
    const d = decodeToken(token);
    expect(d.ok && d.value.kind).toBe('jwe');
    const r = await decryptJwe(token, key);
    expect(r.ok ? r.value.plaintext : r.error).toBe(plaintext);
  });
});

describe('JSON serializations (flattened and general) verify and decrypt too', () => {
  const sigCases = jws.vectors
    .filter((v) => !v.title.includes('ML-DSA'))
    .flatMap((v) =>
      (['json', 'json_flat'] as const)
        .filter((f) => f in v.output)
        .map((f) => ({
          name: `${v.title} (${f})`,
          text: JSON.stringify((v.output as Record<string, unknown>)[f]),
          key: {
            kind: 'jwk',
            text: JSON.stringify(v.input.key.kty === 'oct' ? v.input.key : publicJwk(v.input.key as JsonWebKey)),
          } as KeyMaterial,
          payload: v.input.payload,
        })),
    );
  it.each(sigCases)('$name', async ({ text, key, payload }) => {
    const r = await verifyJsonSerialization(text, key);
    expect(r.ok ? r.value.payload : r.error).toBe(payload);
  });

  const encCases = jwe.vectors.flatMap((v) =>
    (['json', 'json_flat'] as const)
      .filter((f) => f in v.output)
      .map((f) => {
        const input = v.input as { key?: JsonWebKey; pwd?: string; plaintext: string };
        const key: JweKeyMaterial =
          input.pwd !== undefined
            ? { kind: 'secret', text: input.pwd, encoding: 'utf8' }
            : { kind: 'jwk', text: JSON.stringify(input.key) };
        return {
          name: `${v.title} (${f})`,
          text: JSON.stringify((v.output as Record<string, unknown>)[f]),
          key,
          plaintext: input.plaintext,
        };
      }),
  );
  it.each(encCases)('$name', async ({ text, key, plaintext }) => {
    const r = await decryptJsonSerialization(text, key);
    expect(r.ok ? r.value.plaintext : r.error).toBe(plaintext);
  });
});
