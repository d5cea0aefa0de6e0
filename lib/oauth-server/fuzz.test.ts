import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { hostileProof } from '../dpop/hostile-proofs';
import { setServerStore } from '../realms/registry';
import { handleServerRequest } from '../server-router';
import { MemoryStore } from '../store/memory-store';

/**
 * Property: whatever arrives at a back-channel endpoint, the answer is never a 5xx, and it is
 * either a success or RFC-shaped JSON whose `error` is a registered code (RFC 6749 §5.2,
 * RFC 6750 §3.1, RFC 7009 §2.2.1, RFC 8628 §3.5).
 */
const ORIGIN = 'http://localhost:3000';
const ENDPOINTS = [
  '/as/demo/token',
  '/as/demo/jwks',
  '/as/demo/userinfo',
  '/as/demo/introspect',
  '/as/demo/revoke',
  '/as/demo/.well-known/openid-configuration',
  '/.well-known/oauth-authorization-server/as/demo',
];
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
  'invalid_dpop_proof',
]);

const headerText = fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s) && s.trim() === s);
const b64 = (s: string) => Buffer.from(s).toString('base64');

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(`Basic ${b64('service:service-secret')}`),
  fc.constantFrom(
    `Basic ${b64('service:service-secret')}`,
    `Basic ${b64('web:web-secret')}`,
    `Basic ${b64('spa:')}`,
    'Basic',
    'Bearer',
    'Basic ====',
  ),
  headerText.map((s) => `Basic ${b64(s)}`),
  headerText.map((s) => `Bearer ${s}`),
  headerText,
);

const paramName = fc.constantFrom(
  'grant_type',
  'client_id',
  'client_secret',
  'code',
  'redirect_uri',
  'code_verifier',
  'scope',
  'refresh_token',
  'device_code',
  'token',
  'token_type_hint',
  'access_token',
  'username',
  'password',
);
const paramValue = fc.oneof(
  fc.constantFrom(
    'authorization_code',
    'client_credentials',
    'refresh_token',
    'password',
    'implicit',
    'urn:ietf:params:oauth:grant-type:device_code',
    'service',
    'web',
    'spa',
    'tv',
    'legacy-app',
    'service-secret',
    'photos:read',
    'openid',
    'access_token',
    '',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
/** Form bodies built from real parameter names, with repeats, so the handlers get past parsing. */
const grantType = fc.constantFrom(
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'urn:ietf:params:oauth:grant-type:device_code',
  'implicit',
);
const formBody = fc
  .tuple(fc.option(grantType, { nil: undefined }), fc.array(fc.tuple(paramName, paramValue), { maxLength: 6 }))
  .map(([grant, pairs]) => new URLSearchParams(grant ? [['grant_type', grant], ...pairs] : pairs).toString());

const body = fc.oneof(
  { weight: 4, arbitrary: formBody },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz=%', 'a=%E0%A4%A', '&&&===', 'x'.repeat(70_000), `token=${'%41'.repeat(30_000)}`) },
);

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/x-www-form-urlencoded') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
      'APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8',
    ),
  },
  { weight: 1, arbitrary: headerText },
);

const method = fc.oneof(
  { weight: 5, arbitrary: fc.constant('POST') },
  { weight: 2, arbitrary: fc.constant('GET') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE-ME') },
);

/** RFC 9449: hostile DPoP proofs, sometimes two headers of them (§4.3 point 1). */
const dpop = fc.option(fc.array(hostileProof, { minLength: 1, maxLength: 2 }), { nil: undefined });
const requestParts = fc.record({
  method,
  contentType,
  body,
  authorization,
  dpop,
  extra: fc.option(fc.tuple(fc.constantFrom('x-forwarded-host', 'accept', 'dpop', 'cookie'), headerText)),
});

beforeAll(() => setServerStore(new MemoryStore()));

describe('back-channel endpoints under malformed requests', () => {
  it.each(ENDPOINTS)('%s never answers 5xx and always speaks RFC error JSON', async (path) => {
    await fc.assert(
      fc.asyncProperty(requestParts, async (parts) => {
        const headers = new Headers();
        if (parts.contentType !== undefined) headers.set('content-type', parts.contentType);
        if (parts.authorization !== undefined) headers.set('authorization', parts.authorization);
        if (parts.extra) headers.set(parts.extra[0], parts.extra[1]);
        for (const proof of parts.dpop ?? []) headers.append('dpop', proof);
        const hasBody = parts.method !== 'GET' && parts.method !== 'HEAD';
        const response = await handleServerRequest(
          new Request(`${ORIGIN}${path}`, { method: parts.method, headers, body: hasBody ? parts.body : undefined }),
        );
        expect(response.status).toBeLessThan(500);
        const text = await response.text();
        if (response.status >= 400) {
          const json = JSON.parse(text) as { error?: string };
          expect(RFC_ERRORS.has(json.error ?? '')).toBe(true);
        } else if (text !== '') {
          expect(() => JSON.parse(text)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });
});
