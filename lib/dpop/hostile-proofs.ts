// Test helper: hostile `DPoP` header values for the fast-check fuzz tests of the AS and the RS.
import fc from 'fast-check';
import { base64url } from 'jose';

const enc = (value: unknown) => base64url.encode(JSON.stringify(value));

const jwk = fc.oneof(
  fc.constant({
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  }),
  fc.constant({
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
  }),
  fc.constant({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }),
  fc.constant({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
  fc.constant({ kty: 'oct', k: 'c2VjcmV0' }),
  fc.json({ maxDepth: 2 }).map((s) => JSON.parse(s) as unknown),
);
const header = fc.record(
  {
    typ: fc.constantFrom('dpop+jwt', 'application/dpop+jwt', 'JWT', 'at+jwt', '', 7),
    alg: fc.constantFrom('ES256', 'RS256', 'PS256', 'EdDSA', 'none', 'HS256', 'ES512', '', null),
    jwk,
    crit: fc.constantFrom(['b64'], ['x'], 'x'),
  },
  { requiredKeys: ['typ', 'alg'] },
);
const payload = fc.record(
  {
    jti: fc.oneof(fc.string({ maxLength: 20 }), fc.constant('x'.repeat(300)), fc.integer()),
    htm: fc.constantFrom('GET', 'POST', 'post', '', 1),
    htu: fc.constantFrom(
      'http://localhost:3000/as/demo/token',
      'http://localhost:3000/rs/demo/photos',
      '/rs/demo/photos',
      'javascript:alert(1)',
      'http://[::1',
      'http://u:p@localhost:3000/rs/demo/photos',
      '',
    ),
    iat: fc.oneof(fc.integer(), fc.double(), fc.constant(Math.floor(Date.now() / 1000)), fc.constant('now')),
    ath: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(null)),
    nonce: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: [] },
);
const signature = fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/), fc.constant('!!'));

/** DPoP header values that are wrong in every way a client (or an attacker) could make them. */
export const hostileProof: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(header, payload, signature).map(([h, p, s]) => `${enc(h)}.${enc(p)}.${s}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'a.b.c',
      'a.b.c, d.e.f',
      '..',
      'x'.repeat(5000),
      `${enc({ typ: 'dpop+jwt', alg: 'ES256' })}.${'A'.repeat(4000)}.AA`,
    ),
  },
);
