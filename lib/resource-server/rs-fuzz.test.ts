import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileProof } from '../dpop/hostile-proofs';
import { handleServerRequest } from '../server-router';
import { TEST_ORIGIN, demoRealm, mintAccessToken } from './test-tokens';

const methods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
const paths = fc.constantFrom(
  '/rs/demo/photos',
  '/rs/demo/profile',
  '/rs/demo/nope',
  '/rs/other/photos',
  '/rs/demo/photos?access_token=x',
  '/rs/demo/%E0%A4%A',
);
const headerValue = fc.oneof(fc.string({ maxLength: 60 }), fc.constant('Bearer '), fc.stringMatching(/^Bearer [A-Za-z0-9._~+/-]{0,80}=*$/));
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/json; charset=utf-8',
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 2 }),
  fc.constant('access_token=abc&title=x'),
);

/** Header values must be ByteStrings without CR/LF/NUL, or the Request constructor itself throws. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '');

describe('the resource server under random input', () => {
  it('never answers 5xx, whatever method, Authorization, content type or body arrives', async () => {
    const realm = await demoRealm();
    const good = await mintAccessToken(realm);
    await fc.assert(
      fc.asyncProperty(
        methods,
        paths,
        fc.option(fc.oneof(headerValue, fc.constant(`Bearer ${good}`))),
        contentType,
        body,
        async (method, path, auth, type, text) => {
          const headers = new Headers();
          if (auth !== null) headers.set('authorization', headerSafe(auth));
          if (type) headers.set('content-type', type);
          const hasBody = text !== undefined && method !== 'GET' && method !== 'HEAD';
          const res = await handleServerRequest(
            new Request(`${TEST_ORIGIN}${path}`, { method, headers, body: hasBody ? text : undefined }),
          );
          expect(res.status).toBeLessThan(500);
          if (res.status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^(Bearer realm="|DPoP )/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never answers 5xx to hostile DPoP proofs beside a DPoP-bound or a plain token (RFC 9449 §7)', async () => {
    const realm = await demoRealm();
    const bound = await mintAccessToken(realm, { claims: { cnf: { jkt: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU' } } });
    const plain = await mintAccessToken(realm);
    const scheme = fc.constantFrom('DPoP', 'dpop', 'Bearer');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST'),
        scheme,
        fc.constantFrom(bound, plain),
        fc.array(hostileProof, { maxLength: 2 }),
        async (method, name, token, proofs) => {
          const headers = new Headers({ authorization: `${name} ${token}` });
          for (const proof of proofs) headers.append('dpop', proof);
          const res = await handleServerRequest(new Request(`${TEST_ORIGIN}/rs/demo/photos`, { method, headers }));
          expect(res.status).toBeLessThan(500);
          // No hostile proof is ever good enough for the bound token.
          if (token === bound) expect(res.status).toBe(401);
          if (res.status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^(Bearer realm="|DPoP )/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
