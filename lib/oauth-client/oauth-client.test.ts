import { describe, expect, it } from 'vitest';
import { realmAt } from '@/lib/realms/descriptor';
import { carriesError, validateCallback, tamperState } from './authorization-response';
import { basicAuthorization } from './client-auth';
import { clientPolicy } from './client-policy';
import { atHash } from './id-token';
import { s256ChallengeSteps } from './pkce';
import { processTokenResponse } from './token-response';

const ISS = 'http://localhost:3000/as/demo';
const cb = (q: string) => `http://localhost:3000/flows/callback?${q}`;

describe('oauth-client', () => {
  it('computes the RFC 7636 Appendix B S256 challenge', async () => {
    const steps = await s256ChallengeSteps('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(steps.challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('accepts a callback whose state and iss match', () => {
    const out = validateCallback(cb(`state=s1&iss=${encodeURIComponent(ISS)}&code=c1`), { state: 's1', issuer: ISS, issRequired: true });
    expect(out.result).toEqual({ ok: true, value: { code: 'c1' } });
  });

  it('refuses a tampered state before looking at the code', () => {
    const url = tamperState(cb(`state=s1&iss=${encodeURIComponent(ISS)}&code=c1`));
    const out = validateCallback(url, { state: 's1', issuer: ISS, issRequired: true });
    expect(out.result.ok ? '' : out.result.error.code).toBe('state_mismatch');
  });

  it('refuses a missing iss when the server promised one (RFC 9207 §2.4)', () => {
    const out = validateCallback(cb('state=s1&code=c1'), { state: 's1', issuer: ISS, issRequired: true });
    expect(out.result.ok ? '' : out.result.error.code).toBe('issuer_mismatch');
  });

  it('reports access_denied as the error value', () => {
    const out = validateCallback(cb(`state=s1&iss=${encodeURIComponent(ISS)}&error=access_denied`), {
      state: 's1',
      issuer: ISS,
      issRequired: true,
    });
    expect(out.result.ok ? '' : out.result.error.code).toBe('access_denied');
  });

  it('form-urlencodes id and secret before Basic encoding (RFC 6749 §2.3.1)', () => {
    expect(basicAuthorization('a b', 'p:%')).toBe(`Basic ${btoa('a+b:p%3A%25')}`);
  });

  it('turns a token error response into an error value with its code', () => {
    const r = processTokenResponse(400, JSON.stringify({ error: 'invalid_grant', error_description: 'spent' }));
    expect(r.ok ? '' : r.error.code).toBe('invalid_grant');
  });

  it('computes at_hash as the left half of SHA-256 for an RS256 ID token, base64url', async () => {
    // OIDC Core A.3 example (an RS256 ID token): access token and its at_hash.
    expect(await atHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y', 'RS256')).toBe('77QmUPtjPfzWtF2AnpK9RQ');
  });
});

describe('carriesError', () => {
  it.each([
    ['http://app/flows/callback?error=access_denied&state=s', true],
    ['http://app/flows/callback?code=c&state=s', false],
    ['http://app/flows/callback?error=&code=c&state=s', false],
    ['not a url', false],
  ])('%s → %s, as validateCallback tells an error response (RFC 6749 §4.1.2.1)', (url, expected) => {
    expect(carriesError(url)).toBe(expected);
  });
});

describe('client policy', () => {
  const realm = (weaknesses: string[]) => realmAt('http://localhost:3000', 'lab1', weaknesses);
  const tampered = cb(`state=evil&iss=${encodeURIComponent(ISS)}&code=c1`);

  it('compares state in a hardened realm, and refuses a changed one', () => {
    const out = validateCallback(tampered, { state: 's1', issuer: ISS, issRequired: true, stateCheck: clientPolicy(realm([])).stateCheck });
    expect(out.result.ok ? '' : out.result.error.code).toBe('state_mismatch');
    expect(out.checks[0]).toMatchObject({ passed: false });
    expect(out.checks[0].outcome).toBeUndefined();
  });

  it('with client-skips-state-check, believes the changed state and says the check was skipped', () => {
    const out = validateCallback(tampered, {
      state: 's1',
      issuer: ISS,
      issRequired: true,
      stateCheck: clientPolicy(realm(['client-skips-state-check', 'rs-accepts-alg-none'])).stateCheck,
    });
    expect(out.result).toEqual({ ok: true, value: { code: 'c1' } });
    expect(out.checks[0]).toMatchObject({ passed: false, outcome: 'skipped' });
    expect(out.checks[0].detail).toContain('skipped by this lab realm');
  });
});
