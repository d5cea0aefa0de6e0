import { describe, expect, it } from 'vitest';
import { AUTH_CODE_STEPS } from '@/machines/authorization-code.steps';
import { REFRESH_TOKEN_STEPS } from '@/machines/refresh-token.steps';

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
