import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeUncataloguedName } from '@/lib/jwt/claim-names';
import { commonSecretFinding, shortSecretFinding } from '@/lib/jwt/findings';
import { sensitiveClaimFindings } from '@/lib/jwt/findings/sensitive-claims';
import { CHECK_TITLES } from '@/lib/resource-server/check-report';
import { AUTH_CODE_STEPS } from '@/machines/authorization-code.steps';
import { IMPLICIT_DEPRECATED } from '@/machines/implicit.steps';
import { REFRESH_TOKEN_STEPS } from '@/machines/refresh-token.steps';
import { GLOSSARY } from './glossary';
import { cite } from './spec-sections';

/** The claims of issue #10's "Every claim right" list that live in step texts: each one pinned. */
const text = (s: { explanation: string; notice: string[] }) => [s.explanation, ...s.notice].join(' ');
const labels = (s: { specs: { label: string }[] }) => s.specs.map((r) => r.label);

describe('claims on screen, as the specs say them', () => {
  it('the callback is a 303 after the consent POST (RFC 9700 §4.12), the first leg a navigation', () => {
    expect(text(AUTH_CODE_STEPS.callbackReceived)).toMatch(/303 See Other/);
    expect(labels(AUTH_CODE_STEPS.callbackReceived)).toContain('RFC 9700 §4.12');
    expect(text(AUTH_CODE_STEPS.redirectToAs)).toMatch(/navigation/);
  });

  it('at_hash is optional in the code flow, hashed by the ID token’s alg, cited from §3.1.3.x and never the implicit §3.2.2.9', () => {
    const s = AUTH_CODE_STEPS.validateIdToken;
    expect(labels(s)).toEqual(expect.arrayContaining(['OIDC Core §3.1.3.6', 'OIDC Core §3.1.3.8']));
    expect(labels(s)).not.toContain('OIDC Core §3.2.2.9');
    expect(text(s)).toMatch(/optional/);
    expect(text(s)).toMatch(/SHA-384 for ES384/);
  });

  it('refresh tokens only with offline_access is said to be this AS’s policy', () => {
    expect(text(REFRESH_TOKEN_STEPS.buildUrl)).toMatch(/its own policy, not a rule of the spec/);
    expect(text(REFRESH_TOKEN_STEPS.failed)).toMatch(/its policy/);
  });

  it('prompt names select_account and says which values this AS supports', () => {
    expect(AUTH_CODE_STEPS.buildUrl.fields.prompt.why).toMatch(/select_account; this AS supports none, login and consent/);
  });

  it('teaches the verifier alphabet and length, both discovery URLs, and the PKCE downgrade defence', () => {
    expect(text(AUTH_CODE_STEPS.makeVerifier)).toMatch(/43 to 128 characters/);
    expect(text(AUTH_CODE_STEPS.discover)).toMatch(/\/\.well-known\/openid-configuration/);
    expect(text(AUTH_CODE_STEPS.discover)).toMatch(/\/\.well-known\/oauth-authorization-server\/as\//);
    expect(text(AUTH_CODE_STEPS.redirectToAs)).toMatch(/RFC 9700 §4\.8\.2/);
  });

  it('names DPoP in one sentence where rotation’s alternative is given', () => {
    expect(text(REFRESH_TOKEN_STEPS.done)).toMatch(/DPoP \(RFC 9449\) binds a token to a key/);
  });
});

/** The rest of the list, checked one by one against the RFC text (issue #10, second pass). */
describe('claims on screen, second pass', () => {
  it('implicit: RFC 9700 §2.1.2 says SHOULD NOT (not MUST NOT), and OAuth 2.1 omits it (§10.1)', () => {
    expect(IMPLICIT_DEPRECATED).toMatch(/RFC 9700 §2\.1\.2 says clients SHOULD NOT use the implicit grant/);
    const implicit = GLOSSARY.find((t) => t.id === 'implicit')!;
    expect(implicit.definition).toMatch(/Should not be used; OAuth 2\.1 omits it/);
    expect(implicit.specs).toContain('RFC 9700 §2.1.2');
    expect(cite('OAuth 2.1', '10.1').title).toBe('Removal of the OAuth 2.0 Implicit grant');
  });

  it('bearer tokens: OAuth 2.1 keeps the header and the form body (§5.1.1, §5.1.2) and forbids only the query string (§5.1)', () => {
    expect(GLOSSARY.find((t) => t.id === 'bearer-token')!.definition).toMatch(/The form body is allowed too; the query string is not/);
    const bearer = cite('OAuth 2.1', '5.1');
    expect(bearer).toMatchObject({
      title: 'Bearer Token Requests',
      href: 'https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-5.1',
    });
    expect(cite('OAuth 2.1', '5.1.2').title).toBe('Form-Encoded Content Parameter');
  });

  it('sensitive data: readable by anyone who holds it; use JWE or leave it out, citing RFC 7519 §12 (not RFC 8725 §3.6, which is compression)', () => {
    const [f] = sensitiveClaimFindings({ password: 'x' });
    expect(f.detail).toContain('readable by anyone who holds it; use JWE or leave it out');
    expect(f.cite.map((c) => c.label)).toContain('RFC 7519 §12');
    expect(f.cite.map((c) => c.label)).not.toContain('RFC 8725 §3.6');
  });

  it('HMAC keys: at least the hash size, 256/384/512 bits for HS256/384/512 (RFC 7518 §3.2), in both findings', () => {
    for (const [alg, bits] of [
      ['HS256', 256],
      ['HS384', 384],
      ['HS512', 512],
    ] as const) {
      expect(shortSecretFinding(alg, bits / 8 - 1)?.detail).toContain(`at least ${bits} bits`);
      expect(shortSecretFinding(alg, bits / 8)).toBeUndefined();
    }
    const common = commonSecretFinding('secret');
    expect(common.detail).toMatch(/256, 384 or 512 bits for HS256, HS384, HS512/);
    expect(common.cite.map((c) => c.label)).toContain('RFC 7518 §3.2');
  });

  it('claim names: RFC 7519’s seven registered names (§4.1), other IANA-registered ones and collision-resistant ones (§4.2), private ones (§4.3)', () => {
    expect(describeUncataloguedName('c_hash', 'claims')).toMatchObject({ spec: 'RFC 7519 §4.2' });
    expect(describeUncataloguedName('c_hash', 'claims').text).toMatch(/iss, sub, aud, exp, nbf, iat and jti/);
    expect(describeUncataloguedName('https://example.com/role', 'claims').spec).toBe('RFC 7519 §4.2');
    expect(describeUncataloguedName('tenant', 'claims').spec).toBe('RFC 7519 §4.3');
    expect(GLOSSARY.find((t) => t.id === 'claims')!.definition).toMatch(/registered names are iss, sub, aud, exp, nbf, iat and jti/);
  });

  it('the resource server’s checks cite whole sections, never a numbered step of RFC 9068 §4 (its "(7)" is exp, not scope)', () => {
    const specs = Object.values(CHECK_TITLES).map((c) => c.spec);
    expect(specs.filter((s) => /\(\d+\)/.test(s))).toEqual([]);
    expect(CHECK_TITLES.scope.spec).toBe('RFC 6750 §3.1');
  });

  // The wrong citations of the audit, as they were written: none may come back anywhere in the sources.
  const WRONG: Array<[RegExp, string]> = [
    [/OAuth 2\.1 §5\.2\b/, 'OAuth 2.1 §5.2 is Access Token Validation; bearer requests are §5.1'],
    [/keeps only the header/, 'OAuth 2.1 keeps the form body (§5.1.2)'],
    [/RFC 9068 §4 \(\d+\)/, 'RFC 9068 §4 is cited whole'],
    [/RFC 7797 §3[^.\d]{0,40}crit|crit[^.]{0,40}RFC 7797 §3\b/, '"b64" in "crit" is RFC 7797 §6'],
    [
      /(?:reject|refuse)[^.]{0,60}none[^.]{0,40}RFC 7519 §6\b/i,
      'reject none: RFC 7518 §3.6, RFC 8725 §3.1 (RFC 7519 §6 only defines Unsecured JWTs)',
    ],
    [/3\.2\.2\.9/, 'at_hash in the code flow is OIDC Core §3.1.3.6/§3.1.3.8, not the implicit §3.2.2.9'],
  ];

  it('no source file repeats a wrong citation of the audit', () => {
    const self = fileURLToPath(import.meta.url);
    const files = ['lib', 'components', 'machines', 'app'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|tsx)$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(200);
    const found: string[] = [];
    for (const f of files) {
      if (join(process.cwd(), f) === self) continue;
      const text = readFileSync(f, 'utf8');
      for (const [pattern, why] of WRONG) if (pattern.test(text)) found.push(`${f}: ${why}`);
    }
    expect(found).toEqual([]);
  });
});
