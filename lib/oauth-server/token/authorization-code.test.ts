import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../../realms/registry';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';
import { CALLBACK, ISSUER } from '../integration/harness';
import { authorizeUrl, browser, signInAndConsent } from '../test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));

/** A code from the real front channel, for an authorization request with or without redirect_uri. */
async function codeFor(sendRedirectUri: boolean) {
  const { url, verifier } = await authorizeUrl(sendRedirectUri ? {} : { redirect_uri: '' });
  expect(url.includes('redirect_uri') === sendRedirectUri).toBe(true);
  const res = await signInAndConsent(browser(), url, 'allow');
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  return { code, verifier };
}

async function redeem(form: Record<string, string>) {
  const res = await inProcessFetch(`${ISSUER}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'spa', ...form }),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; access_token?: string } };
}

describe('redirect_uri at the token endpoint (RFC 6749 §4.1.3)', () => {
  it('does not demand redirect_uri when the authorization request did not send it', async () => {
    const { code, verifier } = await codeFor(false);
    const { status, body } = await redeem({ code, code_verifier: verifier });
    expect(body.error).toBeUndefined();
    expect(status).toBe(200);
  });

  it('still checks a redirect_uri sent only to the token endpoint against the one used', async () => {
    const { code, verifier } = await codeFor(false);
    expect((await redeem({ code, code_verifier: verifier, redirect_uri: `${CALLBACK}/other` })).body.error).toBe('invalid_grant');
  });

  it('demands redirect_uri, identical, when the authorization request included it', async () => {
    const missing = await codeFor(true);
    expect((await redeem({ code: missing.code, code_verifier: missing.verifier })).body.error).toBe('invalid_request');
    const same = await codeFor(true);
    expect((await redeem({ code: same.code, code_verifier: same.verifier, redirect_uri: CALLBACK })).status).toBe(200);
  });
});
