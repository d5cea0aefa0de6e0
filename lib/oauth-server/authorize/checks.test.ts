import { describe, expect, it } from 'vitest';

import { testRealm, withWeaknesses } from '../test-fixtures/realm';
import { checkClient } from './check-client';
import { checkPkce } from './check-pkce';
import { checkRedirectUri } from './check-redirect-uri';
import { checkResponseType } from './check-response-type';
import { checkScope } from './check-scope';
import { checkStateNonce } from './check-state-nonce';
import { RedirectableError, type CheckContext } from './types';

const CALLBACK = 'http://localhost:3000/flows/callback';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

async function ctxFor(params: Record<string, string>, clientId = 'spa'): Promise<[CheckContext, Awaited<ReturnType<typeof testRealm>>]> {
  const realm = await testRealm();
  return [{ params: new Map(Object.entries(params)), client: realm.clients.get(clientId), request: { clientId } }, realm];
}

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'passed';
};

describe('checkClient', () => {
  it('accepts a known client and refuses a missing or unknown one', async () => {
    const realm = await testRealm();
    const ctx: CheckContext = { params: new Map([['client_id', 'spa']]), request: {} };
    checkClient(ctx, realm);
    expect(ctx.client?.clientId).toBe('spa');
    expect(codeOf(() => checkClient({ params: new Map(), request: {} }, realm))).toBe('invalid_client');
    expect(codeOf(() => checkClient({ params: new Map([['client_id', 'x']]), request: {} }, realm))).toBe('invalid_client');
  });
});

describe('checkRedirectUri', () => {
  it('needs an exact match under the exact policy (RFC 9700 §4.1.3)', async () => {
    const [ok, realm] = await ctxFor({ redirect_uri: CALLBACK });
    checkRedirectUri(ok, realm);
    expect(ok.request.redirectUri).toBe(CALLBACK);
    for (const uri of [
      `${CALLBACK}/x`,
      `${CALLBACK}?a=1`,
      'http://localhost:3000/flows/callback/',
      'HTTP://localhost:3000/flows/callback',
    ]) {
      const [bad] = await ctxFor({ redirect_uri: uri });
      expect(codeOf(() => checkRedirectUri(bad, realm))).toBe('invalid_request');
    }
  });

  it('accepts a longer URI only under the weakened prefix policy', async () => {
    const [ctx, realm] = await ctxFor({ redirect_uri: `${CALLBACK}/evil` });
    expect(codeOf(() => checkRedirectUri(ctx, withWeaknesses(realm, 'as-redirect-uri-prefix')))).toBe('passed');
  });
});

describe('checkResponseType', () => {
  it('accepts code, refuses token under the refuse policy and anything else', async () => {
    const [code, realm] = await ctxFor({ response_type: 'code' });
    expect(codeOf(() => checkResponseType(code, realm))).toBe('passed');
    for (const type of ['token', 'id_token', 'code token']) {
      const [ctx] = await ctxFor({ response_type: type });
      expect(codeOf(() => checkResponseType(ctx, realm))).toBe('unsupported_response_type');
    }
    const [tv] = await ctxFor({ response_type: 'code' }, 'tv');
    expect(codeOf(() => checkResponseType(tv, realm))).toBe('unauthorized_client');
  });
});

describe('checkScope', () => {
  it('keeps known scopes once and refuses unknown or empty ones', async () => {
    const [ctx, realm] = await ctxFor({ scope: 'openid openid photos:read' });
    checkScope(ctx, realm);
    expect(ctx.request.scope).toEqual(['openid', 'photos:read']);
    for (const scope of ['', 'admin', 'openid toString', 'openid __proto__']) {
      const [bad] = await ctxFor({ scope });
      expect(codeOf(() => checkScope(bad, realm))).toBe('invalid_scope');
    }
  });
});

describe('checkPkce', () => {
  it('requires an S256 challenge of 43 base64url characters (RFC 9700 §2.1.1, RFC 7636 §4.2)', async () => {
    const [ok, realm] = await ctxFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
    checkPkce(ok, realm);
    expect(ok.request).toMatchObject({ codeChallenge: CHALLENGE, codeChallengeMethod: 'S256' });
    const bad: Record<string, string>[] = [
      {},
      { code_challenge: CHALLENGE },
      { code_challenge: CHALLENGE, code_challenge_method: 'plain' },
      { code_challenge: `${CHALLENGE}=`, code_challenge_method: 'S256' },
      { code_challenge: CHALLENGE, code_challenge_method: 's256' },
    ];
    for (const params of bad) {
      const [ctx] = await ctxFor(params);
      expect(() => checkPkce(ctx, realm)).toThrow(RedirectableError);
    }
  });

  it('lets PKCE be omitted only under the optional policy', async () => {
    const [ctx, realm] = await ctxFor({});
    expect(codeOf(() => checkPkce(ctx, withWeaknesses(realm, 'as-pkce-optional')))).toBe('passed');
  });
});

describe('checkStateNonce', () => {
  it('carries state, nonce and prompt, and refuses oversized or non-ASCII values', async () => {
    const [ctx] = await ctxFor({ state: 's', nonce: 'n', prompt: 'login' });
    checkStateNonce(ctx);
    expect(ctx.request).toMatchObject({ state: 's', nonce: 'n', prompt: 'login' });
    for (const params of <Record<string, string>[]>[
      { state: 'x'.repeat(513) },
      { nonce: 'é' },
      { prompt: 'none login' },
      { prompt: 'select_account' },
    ]) {
      const [bad] = await ctxFor(params);
      expect(codeOf(() => checkStateNonce(bad))).toBe('invalid_request');
    }
  });
});
