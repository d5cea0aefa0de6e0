import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { METADATA, ORIGIN } from '../test-fakes';
import { readInterceptedResponse, type ClientRequest } from './code-interception.client';
import { codeInterceptionMachine } from './code-interception.machine';
import type { Redeemed } from './redirect-uri.mallory';

const realm = realmAt(ORIGIN, 'lab-realm-id-0000', ['as-pkce-optional']);
const request: ClientRequest = {
  built: `${ORIGIN}/as/x/authorize?a`,
  authUrl: `${ORIGIN}/as/x/authorize?b`,
  redirectUri: `${ORIGIN}/flows/callback`,
  state: 's',
  sentChallenge: false,
  stripped: false,
};

function run(o: { variant?: string; callback: string; redeemed?: Redeemed }) {
  const called: string[] = [];
  const actor = <T>(name: string, value: () => T) =>
    fromPromise(async ({ input }: { input: { step: string; link?: { verifier?: string } } }) => {
      called.push(name === 'redeem' && input.link?.verifier ? 'redeem+verifier' : name);
      return { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = codeInterceptionMachine.provide({
    actors: {
      discover: actor('discover', () => METADATA),
      build: actor('build', () => request),
      redeem: actor('redeem', () => o.redeemed),
      replay: actor('replay', () => ({ succeeded: true, what: 'photos' })),
    } as never,
  });
  return { machine, called, ...o };
}

async function play(r: ReturnType<typeof run>) {
  const a = createActor(r.machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable', variant: r.variant } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  const visited: string[] = [];
  for (let i = 0; i < 4 && a.getSnapshot().value !== 'redirectToAs'; i++) {
    await settle();
    visited.push(String(a.getSnapshot().value));
    a.send({ type: 'user.next' });
  }
  expect(a.getSnapshot().value).toBe('redirectToAs');
  expect(a.getSnapshot().context.authUrl).toBe(request.authUrl);
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: r.callback });
  for (let i = 0; i < 5 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return { snap: a.getSnapshot(), visited };
}

describe('code-interception machine branches (fake actors)', () => {
  it('an intercepted code, redeemed: Mallory calls the API, and its answer is the outcome', async () => {
    const r = run({
      callback: `${ORIGIN}/flows/callback?code=c0de&state=s`,
      redeemed: { tokens: { access_token: 'at', token_type: 'Bearer' } as never },
    });
    const { snap, visited } = await play(r);
    expect(visited).not.toContain('stripChallenge');
    expect(snap.value).toBe('outcome');
    expect(snap.context.outcome).toEqual({ succeeded: true, what: 'photos' });
    expect(r.called).toEqual(['discover', 'build', 'redeem', 'replay']);
  });

  it('the AS redirected an error: no code to redeem, and the outcome quotes the AS', async () => {
    const r = run({
      variant: 'downgrade',
      callback: `${ORIGIN}/flows/callback?error=invalid_request&error_description=PKCE+is+required.&state=s`,
    });
    const { snap, visited } = await play(r);
    expect(visited).toContain('stripChallenge');
    expect(snap.value).toBe('outcome');
    expect(r.called).toEqual(['discover', 'build']);
    expect(snap.context.outcome?.what).toContain('issued no code (invalid_request — “PKCE is required”)');
  });

  it('refused at the token endpoint: the outcome, no API call; the downgrade sends a verifier of hers', async () => {
    const r = run({
      variant: 'downgrade',
      callback: `${ORIGIN}/flows/callback?code=c0de&state=s`,
      redeemed: { outcome: { succeeded: false, what: 'invalid_grant' } },
    });
    const { snap } = await play(r);
    expect(snap.context.outcome).toEqual({ succeeded: false, what: 'invalid_grant' });
    expect(r.called).toEqual(['discover', 'build', 'redeem+verifier']);
  });
});

describe('readInterceptedResponse', () => {
  it('reads a code, an error, or says the URL was unreadable', () => {
    expect(readInterceptedResponse('http://x/cb?code=abc&state=s')).toEqual({ code: 'abc', state: 's' });
    expect(readInterceptedResponse('http://x/cb?error=access_denied')).toEqual({ error: 'access_denied', description: undefined });
    expect(readInterceptedResponse('not a url')).toMatchObject({ error: 'malformed_redirect' });
  });
});
