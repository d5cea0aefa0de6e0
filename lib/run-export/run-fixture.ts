import type { Exchange } from '@/lib/http-trace/types';
import { PARTICIPANTS } from './participants';
import type { RunForExport } from './run';

/** A recorded authorization-code run, as the player keeps it (for the exports' tests). */
const O = 'http://localhost:3466';
const ex = (id: string, step: string, over: Partial<Exchange>): Exchange => ({
  id,
  step,
  from: 'client',
  to: 'as',
  channel: 'back',
  request: { method: 'GET', url: `${O}/as/demo`, headers: {} },
  tokens: [],
  ...over,
});

export const AUTH_CODE_RUN: RunForExport = {
  title: 'Authorization code + PKCE + OpenID Connect',
  trail: [
    'discover',
    'makeVerifier',
    'buildUrl',
    'redirectToAs',
    'callbackReceived',
    'callbackAccepted',
    'tokenRequest',
    'validateIdToken',
    'callApi',
  ],
  stepTitles: {
    discover: 'Discover the authorization server',
    redirectToAs: 'Send the browser to the authorization server',
    callbackReceived: 'The browser comes back with a code',
    tokenRequest: 'Redeem the code with the verifier',
    validateIdToken: 'Validate the ID token',
    callApi: 'Call the API',
  },
  names: PARTICIPANTS,
  exchanges: [
    ex('d1', 'discover', {
      request: { method: 'GET', url: `${O}/as/demo/.well-known/openid-configuration`, headers: { accept: 'application/json' } },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: '{"issuer":"http://localhost:3466/as/demo"}',
        ms: 12.4,
      },
    }),
    ex('r1', 'redirectToAs', {
      from: 'browser',
      channel: 'front',
      request: {
        method: 'GET',
        url: `${O}/as/demo/authorize?response_type=code&client_id=spa&state=s%3B1&code_challenge=abc`,
        headers: {},
      },
    }),
    ex('c1', 'callbackReceived', {
      from: 'browser',
      to: 'client',
      channel: 'front',
      request: { method: 'GET', url: `${O}/flows/callback?code=xyz&state=s%3B1&iss=${encodeURIComponent(`${O}/as/demo`)}`, headers: {} },
    }),
    ex('t1', 'tokenRequest', {
      request: {
        method: 'POST',
        url: `${O}/as/demo/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=authorization_code&code=xyz&code_verifier=v',
      },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"access_token":"a.b.c","token_type":"Bearer"}',
        ms: 30,
      },
    }),
    ex('j1', 'validateIdToken', {
      request: { method: 'GET', url: `${O}/as/demo/jwks`, headers: {} },
      response: { status: 200, headers: { 'content-type': 'application/jwk-set+json' }, body: '{"keys":[]}', ms: 3 },
    }),
    ex('a1', 'callApi', {
      to: 'rs',
      request: { method: 'GET', url: `${O}/rs/demo/photos`, headers: { authorization: 'Bearer a.b.c' } },
      response: {
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token"; end\nNote over Client: injected #x', 'content-type': 'text/plain' },
        body: '',
        ms: 4,
      },
    }),
  ],
};
