import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dpopKey } from '@/lib/oauth-client/dpop-keyring';
import { CALLBACK, ISSUER, RESOURCE, resetServer, seedCode } from '@/lib/oauth-server/integration/harness';
import { inProcessFetch } from '@/lib/server-router';
import { dpopApiCall, dpopTokenRequest, dpopUserinfo } from './authorization-code.dpop';

/** The code flow's DPoP option against the real AS and RS, in-process: the actors the machine runs. */
const spa = { clientId: 'spa', method: 'none' as const };

async function redeem(dpopKeyId?: string) {
  const { code, codeVerifier } = await seedCode();
  return dpopTokenRequest({
    step: 'tokenRequest',
    tokenEndpoint: `${ISSUER.href}/token`,
    client: spa,
    code,
    redirectUri: CALLBACK,
    codeVerifier,
    dpopKeyId,
  });
}

describe('authorization code flow with "Bind the token with DPoP"', () => {
  beforeEach(async () => {
    await resetServer();
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends a proof with the token request and gets token_type DPoP, bound to the key by cnf.jkt', async () => {
    const keyId = crypto.randomUUID();
    const out = await redeem(keyId);
    expect(out.result.ok).toBe(true);
    if (!out.result.ok) return;
    expect(out.result.value.token_type).toBe('DPoP');
    const key = await dpopKey(keyId)!;
    expect((decodeJwt(out.result.value.access_token).cnf as { jkt: string }).jkt).toBe(key.jkt);

    const [exchange] = out.exchanges;
    const proof = exchange.request.headers.dpop;
    expect(decodeProtectedHeader(proof)).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: key.publicJwk });
    expect(decodeJwt(proof)).toMatchObject({ htm: 'POST', htu: `${ISSUER.href}/token` });
    expect(exchange.tokens).toContainEqual(
      expect.objectContaining({ label: 'DPoP proof', kind: 'jwt', where: 'request.headers.dpop', value: proof }),
    );
    expect(out.facts).toContainEqual({ label: 'token_type', value: 'DPoP' });
    expect(out.facts).toContainEqual({ label: 'Access token cnf.jkt', value: `${key.jkt} (the key’s thumbprint)` });
  });

  it('calls the API with Authorization: DPoP and a proof carrying ath; the RS answers 200 and reports the DPoP check passed', async () => {
    const keyId = crypto.randomUUID();
    const tokens = await redeem(keyId);
    if (!tokens.result.ok) throw new Error(tokens.result.error.message);
    const accessToken = tokens.result.value.access_token;
    const api = await dpopApiCall({ step: 'callApi', url: `${RESOURCE}/photos`, accessToken, dpopKeyId: keyId });
    expect(api.result.ok).toBe(true);
    const request = api.exchanges[0].request;
    expect(request.headers.authorization).toBe(`DPoP ${accessToken}`);
    const claims = decodeJwt(request.headers.dpop);
    expect(claims).toMatchObject({ htm: 'GET', htu: `${RESOURCE}/photos` });
    expect(api.facts).toContainEqual({ label: 'SHA-256 of the access token', value: claims.ath });
    expect(api.checks?.find((c) => /DPoP/.test(c.name))).toMatchObject({ outcome: 'pass' });

    const userinfo = await dpopUserinfo({ step: 'userinfo', url: `${ISSUER.href}/userinfo`, accessToken, dpopKeyId: keyId });
    expect(userinfo.result.ok).toBe(true);
    expect(decodeJwt(userinfo.exchanges[0].request.headers.dpop)).toMatchObject({ htm: 'GET', htu: `${ISSUER.href}/userinfo` });
  });

  it('without the option the same actors stay plain bearer', async () => {
    const out = await redeem(undefined);
    if (!out.result.ok) throw new Error(out.result.error.message);
    expect(out.result.value.token_type).toBe('Bearer');
    expect(out.exchanges[0].request.headers.dpop).toBeUndefined();
    const api = await dpopApiCall({ step: 'callApi', url: `${RESOURCE}/photos`, accessToken: out.result.value.access_token });
    expect(api.exchanges[0].request.headers.authorization).toMatch(/^Bearer /);
  });

  it('a key this tab no longer has (a reload) stops the step with a clear error instead of sending a bearer token', async () => {
    const api = await dpopApiCall({ step: 'callApi', url: `${RESOURCE}/photos`, accessToken: 'a.b.c', dpopKeyId: 'never-made' });
    expect(api.exchanges).toEqual([]);
    expect(api.result).toMatchObject({ ok: false, error: { code: 'dpop_key_lost' } });
    expect(!api.result.ok && api.result.error.message).toMatch(/Press Reset/);
  });
});
