import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { fail, ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { implicitAttackMachine } from './implicit.machine';
import type { Injected, QuizRequest } from './implicit-injection.actors';

const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'lab-realm-id-0000', ['as-implicit-grant-allowed', 'client-accepts-any-token']);
const metadata = { issuer: realm.issuer, authorization_endpoint: `${realm.issuer}/authorize` } as ServerMetadata;
const quiz: QuizRequest = {
  metadata,
  authUrl: `${realm.issuer}/authorize?client_id=mallory-quiz`,
  redirectUri: 'r',
  state: 'st',
  nonce: 'n',
  verifier: 'v',
};
const injected: Injected = { callbackUrl: `${ORIGIN}/flows/callback#access_token=at&state=x`, accessToken: 'at' };
const callback = (q: string) => `${ORIGIN}/flows/callback?${q}`;

function fakes(o: { loginFails?: boolean } = {}) {
  const called: string[] = [];
  const actor = (name: string, value: () => unknown) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return name === 'clientLogin' && o.loginFails
        ? { step: input.step, exchanges: [], result: fail('network_error', 'down', input.step) }
        : { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = implicitAttackMachine.provide({
    actors: {
      discover: actor('discover', () => metadata),
      quizRequest: actor('quizRequest', () => quiz),
      quizRedeem: actor('quizRedeem', () => ({ access_token: 'at', token_type: 'Bearer' })),
      inject: actor('inject', () => injected),
      clientLogin: actor('clientLogin', () => ({ succeeded: true, what: 'signed in as Alice' })),
    } as never,
  });
  return { machine, called };
}

async function run(callbackUrl: string, o: Parameters<typeof fakes>[0] = {}) {
  const { machine, called } = fakes(o);
  const a = createActor(machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable', variant: 'injection' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  await settle();
  a.send({ type: 'user.next' });
  await settle();
  a.send({ type: 'user.next' });
  expect(a.getSnapshot().value).toBe('quizSignIn');
  expect(a.getSnapshot().context.authUrl).toBe(quiz.authUrl);
  // Alice must sign in first: Next does nothing until the browser comes back.
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: callbackUrl });
  for (let i = 0; i < 6 && a.getSnapshot().status !== 'done'; i++) {
    await settle();
    if (a.getSnapshot().status === 'done') break;
    a.send({ type: 'user.next' });
  }
  await settle();
  return { a, called };
}

describe('implicit attack, injection variant (fake actors)', () => {
  it('after the app’s discovery the variant goes to Mallory’s quiz app, and ends in its own outcome', async () => {
    const { a, called } = await run(callback(`code=c1&state=st&iss=${encodeURIComponent(realm.issuer)}`));
    expect(a.getSnapshot().value).toBe('injectionOutcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: true, what: 'signed in as Alice' });
    expect(a.getSnapshot().context.quizCode).toBe('c1');
    expect(called).toEqual(['discover', 'quizRequest', 'quizRedeem', 'inject', 'clientLogin']);
  });

  it.each([
    ['a callback with another state', callback(`code=c1&state=other&iss=${encodeURIComponent(realm.issuer)}`), 'state_mismatch'],
    ['a callback without a code', callback(`state=st&iss=${encodeURIComponent(realm.issuer)}`), 'missing_code'],
    ['a refusal', callback(`error=access_denied&state=st&iss=${encodeURIComponent(realm.issuer)}`), 'access_denied'],
  ])('%s ends in failed before any token request', async (_what, url, code) => {
    const { a, called } = await run(url);
    expect(a.getSnapshot().value).toBe('failed');
    expect(a.getSnapshot().context.error?.code).toBe(code);
    expect(called).toEqual(['discover', 'quizRequest']);
  });

  it('a failed sign-in request ends the run in failed', async () => {
    const { a } = await run(callback(`code=c1&state=st&iss=${encodeURIComponent(realm.issuer)}`), { loginFails: true });
    expect(a.getSnapshot().value).toBe('failed');
  });

  it('without the variant the attack plays the leak: the app builds its response_type=token URL', async () => {
    const { machine, called } = fakes();
    const a = createActor(machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable' } }).start();
    await waitFor(a, (s) => !s.hasTag('busy'));
    a.send({ type: 'user.next' });
    expect(a.getSnapshot().value).toBe('buildUrl');
    expect(called).toEqual(['discover']);
  });
});
