import { describe, expect, it } from 'vitest';
import { generatePair } from './keys/generate';
import { signToken } from './sign';
import { verifyToken } from './verify';
import { decodeToken } from './decode';

const payload = '{"sub":"alice","n":1}';

describe('signToken', () => {
  it.each(['RS256', 'PS384', 'ES256', 'ES512', 'EdDSA', 'Ed25519'])(
    'signs %s with a generated pair, exported as PEM and JWK, and the public half verifies',
    async (alg) => {
      const pair = await generatePair(alg);
      if (!pair.ok) throw new Error(pair.error.message);
      const byPem = await signToken(JSON.stringify({ alg, typ: 'JWT' }), payload, { kind: 'pem', text: pair.value.privatePem });
      const byJwk = await signToken(JSON.stringify({ alg }), payload, { kind: 'jwk', text: JSON.stringify(pair.value.privateJwk) });
      if (!byPem.ok || !byJwk.ok) throw new Error('sign failed');
      expect((await verifyToken(byPem.value.token, { kind: 'pem', text: pair.value.publicPem })).ok).toBe(true);
      expect((await verifyToken(byJwk.value.token, { kind: 'jwk', text: JSON.stringify(pair.value.publicJwk) })).ok).toBe(true);
    },
  );

  it('signs HS512 with a secret', async () => {
    const s = await signToken('{"alg":"HS512"}', payload, { kind: 'secret', text: 'k'.repeat(64), encoding: 'utf8' });
    expect(s.ok && (await verifyToken(s.value.token, { kind: 'secret', text: 'k'.repeat(64), encoding: 'utf8' })).ok).toBe(true);
  });

  it('makes an unsecured JWT with an empty signature for alg none', async () => {
    const s = await signToken('{"alg":"none"}', payload, undefined);
    expect(s.ok && s.value.unsecured).toBe(true);
    expect(s.ok && s.value.token.endsWith('.')).toBe(true);
    const d = decodeToken(s.ok ? s.value.token : '');
    expect(d.ok && d.value.kind === 'jws' && d.value.unsecured).toBe(true);
  });

  it('returns error values for bad JSON, a bad alg and a key of the wrong kind', async () => {
    const code = async (...a: Parameters<typeof signToken>) => {
      const r = await signToken(...a);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code('{"alg":', payload, undefined)).toBe('not_json');
    expect(await code('{"alg":"HS256"}', '[]', undefined)).toBe('not_object');
    expect(await code('{"alg":"XX1"}', payload, undefined)).toBe('bad_alg');
    expect(await code('{"alg":"HS256"}', payload, undefined)).toBe('no_key');
    expect(await code('{"alg":"ES256"}', payload, { kind: 'secret', text: 'x', encoding: 'utf8' })).toBe('key_type_mismatch');
    const pair = await generatePair('ES256');
    expect(await code('{"alg":"ES256"}', payload, { kind: 'pem', text: pair.ok ? pair.value.publicPem : '' })).toBe('public_key_given');
    expect(await code('{"alg":"ES256"}', payload, { kind: 'jwk', text: JSON.stringify(pair.ok ? pair.value.publicJwk : {}) })).toBe(
      'public_key_given',
    );
  });
});
