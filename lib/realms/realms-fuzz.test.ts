import fc from 'fast-check';
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleServerRequest } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { WEAKNESSES } from './catalogue';
import { setServerStore } from './registry';
import { LAB_ORIGIN, createLab, type LabRealm } from './test-lab';

/**
 * Property: `/api/realms` and every endpoint of lab realms — including one with every weakness that
 * can be combined switched on — never answer 5xx, and errors are RFC-shaped JSON.
 */
const RFC_ERRORS = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'authorization_pending',
  'slow_down',
  'expired_token',
  'invalid_token',
  'insufficient_scope',
  'unsupported_token_type',
  'temporarily_unavailable',
]);

let weak: LabRealm;
let hardened: LabRealm;
beforeAll(async () => {
  setServerStore(new MemoryStore());
  const onePerPoint = WEAKNESSES.filter((w, i, all) => all.findIndex((x) => x.point === w.point) === i).map((w) => w.name);
  weak = await createLab(onePerPoint);
  hardened = await createLab([]);
});

async function expectRfcShaped(response: Response) {
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 400 && type.startsWith('application/json')) {
    const { error } = JSON.parse(text) as { error?: string };
    // RFC 6750 §3.1: a request with no credentials gets a bare challenge, no error code.
    const bare = response.status === 401 && /^Bearer realm="[^"]*"$/.test(response.headers.get('www-authenticate') ?? '');
    expect(bare || RFC_ERRORS.has(error ?? '')).toBe(true);
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const realmBody = fc
  .oneof(
    fc.record({
      weaknesses: fc.array(fc.oneof(fc.constantFrom(...WEAKNESSES.map((w) => w.name)), fc.string({ maxLength: 30 })), { maxLength: 6 }),
    }),
    fc.record({ weaknesses: jsonValue, settings: jsonValue }, { requiredKeys: [] }),
    jsonValue,
  )
  .map((v) => JSON.stringify(v));
const body = fc.oneof(
  realmBody,
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', '{', '[]', 'null', '\u0000', '{"weaknesses":' + '['.repeat(500)),
);

describe('lab realms under hostile input', () => {
  it('POST /api/realms never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', undefined),
        fc.constantFrom('POST', 'GET', 'PUT', 'DELETE'),
        async (text, type, method) => {
          const headers = type ? { 'content-type': type } : undefined;
          await expectRfcShaped(
            await handleServerRequest(
              new Request(`${LAB_ORIGIN}/api/realms`, { method, headers, body: method === 'GET' ? undefined : text }),
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('/api/realms/{id} and the realms’ servers never answer 5xx for any id or path', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%ff', '%c0%ae%c0%ae', '..', '%2e%2e', 'demo', '%00', '\u00e9'),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.constant('REAL'),
    );
    const sub = fc.constantFrom(
      'token',
      'jwks',
      'authorize',
      'device',
      'userinfo',
      'introspect',
      'revoke',
      '.well-known/openid-configuration',
      'photos',
      'profile',
      'nope',
    );
    await fc.assert(
      fc.asyncProperty(
        segment,
        sub,
        fc.constantFrom('api', 'as', 'rs', 'wk'),
        fc.constantFrom('GET', 'POST', 'DELETE'),
        async (seg, s, kind, method) => {
          const id = seg === 'REAL' ? weak.id : seg;
          const path =
            kind === 'api'
              ? `/api/realms/${id}`
              : kind === 'wk'
                ? `/.well-known/oauth-authorization-server/as/${id}`
                : `/${kind}/${id}/${s}`;
          await expectRfcShaped(await handleServerRequest(new Request(`${LAB_ORIGIN}${path}`, { method })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the weakened and the hardened RS never answer 5xx to forged tokens with hostile headers', async () => {
    const header = fc.record(
      {
        alg: fc.oneof(
          fc.constantFrom('none', 'NoNe', 'HS256', 'HS512', 'RS256', 'ES256', 'EdDSA', 'PS256', ''),
          fc.string({ maxLength: 10 }),
          jsonValue,
        ),
        typ: fc.oneof(fc.constant('at+jwt'), jsonValue),
        kid: fc.oneof(
          fc.constantFrom('../../../../dev/null', '/dev/null', '../../etc/passwd', 'hs256-shared-secret', ''),
          fc.string({ maxLength: 40 }),
          jsonValue,
        ),
        jku: fc.oneof(
          fc.constantFrom(`${LAB_ORIGIN}/attacker/x/jwks`, 'http://127.0.0.1:1/', 'file:///etc/passwd'),
          fc.string({ maxLength: 40 }),
          jsonValue,
        ),
        jwk: fc.oneof(jsonValue, fc.constant({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }), fc.constant({ kty: 'oct', k: 'AAAA' })),
      },
      { requiredKeys: [] },
    );
    const payload = fc.oneof(
      fc.dictionary(fc.constantFrom('iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id', 'scope', 'nbf'), jsonValue),
      jsonValue,
    );
    const part = (v: unknown) => base64url.encode(JSON.stringify(v) ?? 'null');
    await fc.assert(
      fc.asyncProperty(
        header,
        payload,
        fc.oneof(
          fc.constant(''),
          fc.base64String({ maxLength: 120 }).map((s) => s.replace(/[+/=]/g, '')),
        ),
        fc.boolean(),
        async (h, p, sig, useWeak) => {
          const lab = useWeak ? weak : hardened;
          const token = `${part(h)}.${part(p)}.${sig}`;
          await expectRfcShaped(
            await handleServerRequest(new Request(`${lab.resource}/photos`, { headers: { authorization: `Bearer ${token}` } })),
          );
          await expectRfcShaped(
            await handleServerRequest(new Request(`${lab.issuer}/userinfo`, { headers: { authorization: `Bearer ${token}` } })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
