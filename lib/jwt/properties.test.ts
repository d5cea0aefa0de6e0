// fast-check: the decode/verify/decrypt API returns values for any input and never throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import jwtio from './fixtures/jwtio-default-tokens.json';
import { decodeToken } from './decode';
import { verifyToken } from './verify';
import { decryptJwe } from './jwe';
import { collectFindings } from './findings';
import { decryptJsonSerialization, verifyJsonSerialization } from './json-serialization';

const hs = jwtio.vectors.HS256;
const tokenChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\0%'.split(''));

/** The jwt.io token with random edits: a few characters replaced, inserted or deleted. */
const mutated = fc
  .array(fc.tuple(fc.nat(hs.token.length), fc.oneof(tokenChars, fc.constant('')), fc.boolean()), { minLength: 1, maxLength: 6 })
  .map((edits) => {
    let t = hs.token;
    for (const [i, c, insert] of edits) t = insert ? t.slice(0, i) + c + t.slice(i) : t.slice(0, i) + c + t.slice(i + 1);
    return t;
  });

describe('the decode/verify API never throws', () => {
  it('decodeToken and collectFindings return a value for random strings and mutated tokens', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9_.-]{0,80}$/), mutated), (s) => {
        const d = decodeToken(s);
        expect(typeof d.ok).toBe('boolean');
        if (d.ok) expect(Array.isArray(collectFindings(d.value, 1_700_000_000))).toBe(true);
        else expect(d.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('verifyToken resolves with a value for mutated tokens and random keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.oneof(fc.constant(hs.secret), fc.string()),
        fc.constantFrom('secret', 'pem', 'jwk') as fc.Arbitrary<'secret' | 'pem' | 'jwk'>,
        async (token, key, kind) => {
          const r = await verifyToken(token, kind === 'secret' ? { kind, text: key, encoding: 'utf8' } : { kind, text: key });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.code).not.toBe('unexpected');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decryptJwe resolves with a value for random five-part strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/), { minLength: 5, maxLength: 5 }),
        fc.string(),
        async (parts, key) => {
          const r = await decryptJwe(parts.join('.'), { kind: 'secret', text: key, encoding: 'utf8' });
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the JSON-serialization verify and decrypt resolve with a value for random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (text) => {
        const v = await verifyJsonSerialization(text, { kind: 'secret', text: 'k', encoding: 'utf8' });
        const d = await decryptJsonSerialization(text, { kind: 'secret', text: 'k', encoding: 'utf8' });
        expect([typeof v.ok, typeof d.ok]).toEqual(['boolean', 'boolean']);
      }),
      { numRuns: 300 },
    );
  });
});
