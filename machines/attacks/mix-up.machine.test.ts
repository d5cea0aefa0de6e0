import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { METADATA, ORIGIN, TOKENS } from '../test-fakes';
import { checkCallback, mallorysRedirect, type Collected, type MixUpSession } from './mix-up.client';
import { mixUpMachine, type MixUpContext } from './mix-up.machine';
import type { Redeemed } from './redirect-uri.mallory';

const honest = realmAt(ORIGIN, 'honest-realm-id-0000', ['as-no-iss-in-response']);
const evil = realmAt(ORIGIN, 'evil-realm-id-00000', ['as-no-iss-in-response']);
const session: MixUpSession = {
  issuer: evil.issuer,
  issRequired: false,
  state: 's',
  verifier: 'v',
  redirectUri: `${ORIGIN}/flows/callback`,
  built: `${evil.issuer}/authorize?client_id=spa&state=s`,
  authUrl: `${honest.issuer}/authorize?client_id=spa&state=s`,
};
const LOOT: Collected = { loot: { code: 'c', verifier: 'v', redirectUri: session.redirectUri } };
const NOTHING: Collected = { outcome: { succeeded: false, what: 'her site received nothing' } };

function run(o: { callback: string; collected: Collected; redeemed?: Redeemed }) {
  const called: string[] = [];
  const actor = <T>(name: string, value: () => T) =>
    fromPromise(async ({ input }: { input: { step: string; refused?: string } }) => {
      called.push(name === 'collect' && input.refused ? 'collect(refused)' : name);
      return { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = mixUpMachine.provide({
    actors: {
      makeEvilAs: actor('makeEvilAs', () => evil),
      discoverBoth: actor('discoverBoth', () => ({ honest: METADATA, evil: METADATA })),
      build: actor('build', () => session),
      clientRedeems: actor('clientRedeems', () => 'HTTP 200 text/html'),
      collect: actor('collect', () => o.collected),
      redeem: actor('redeem', () => o.redeemed),
      replay: actor('replay', () => ({ succeeded: true, what: 'photos' })),
    } as never,
  });
  return { machine, called, ...o };
}

async function play(r: ReturnType<typeof run>) {
  const a = createActor(r.machine, { input: { origin: ORIGIN, realm: honest, mode: 'vulnerable' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  for (let i = 0; i < 5 && a.getSnapshot().value !== 'redirectToAs'; i++) {
    await settle();
    a.send({ type: 'user.next' });
  }
  expect(a.getSnapshot().value).toBe('redirectToAs');
  expect(a.getSnapshot().context.authUrl).toBe(session.authUrl);
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: r.callback });
  expect(a.getSnapshot().value).toBe('callback');
  for (let i = 0; i < 6 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return a.getSnapshot().context as MixUpContext;
}

describe('mix-up machine branches (fake actors)', () => {
  it('a response without iss is accepted: the client sends the code to the Evil AS, Mallory redeems it, the API’s answer is the outcome', async () => {
    const r = run({ callback: `${ORIGIN}/flows/callback?code=c&state=s`, collected: LOOT, redeemed: { tokens: TOKENS } });
    const context = await play(r);
    expect(r.called).toEqual(['makeEvilAs', 'discoverBoth', 'build', 'clientRedeems', 'collect', 'redeem', 'replay']);
    expect(context.outcome).toEqual({ succeeded: true, what: 'photos' });
    expect(context.exchanges.map((e) => `${e.from}->${e.to}`)).toEqual(['browser->attacker', 'browser->as', 'browser->client']);
  });

  it('a response whose iss names the honest AS is refused: the client never calls the Evil AS, and Mallory’s empty log decides', async () => {
    const r = run({ callback: `${ORIGIN}/flows/callback?code=c&state=s&iss=${encodeURIComponent(honest.issuer)}`, collected: NOTHING });
    const context = await play(r);
    expect(r.called).toEqual(['makeEvilAs', 'discoverBoth', 'build', 'collect(refused)']);
    expect(context.verdict).toMatchObject({ refused: expect.stringMatching(/^issuer_mismatch/) });
    expect(context.outcome).toEqual(NOTHING.outcome);
  });

  it('a malformed callback URL is refused, not thrown', async () => {
    const r = run({ callback: 'not a url', collected: NOTHING });
    const context = await play(r);
    expect(context.verdict).toMatchObject({ refused: 'the redirect URL could not be read' });
    expect(r.called).not.toContain('clientRedeems');
  });

  it('a code the honest AS will not redeem ends the run with the token endpoint’s refusal, without calling the API', async () => {
    const refused: Redeemed = { outcome: { succeeded: false, what: 'invalid_grant' } };
    const r = run({ callback: `${ORIGIN}/flows/callback?code=c&state=s`, collected: LOOT, redeemed: refused });
    const context = await play(r);
    expect(r.called).not.toContain('replay');
    expect(context.outcome).toEqual(refused.outcome);
  });
});

describe('mix-up client', () => {
  it('Mallory’s redirect keeps the client’s whole query and changes only the endpoint', () => {
    const to = new URL(mallorysRedirect(`${evil.issuer}/authorize?client_id=spa&state=s&code_challenge=x`, `${honest.issuer}/authorize`));
    expect(to.pathname).toBe(`/as/${honest.id}/authorize`);
    expect(Object.fromEntries(to.searchParams)).toEqual({ client_id: 'spa', state: 's', code_challenge: 'x' });
  });

  it('checks state before iss, and requires iss only of a server that advertises it (RFC 9207 §2.4)', () => {
    expect(checkCallback(`${ORIGIN}/flows/callback?code=c&state=other`, session)).toMatchObject({
      refused: expect.stringMatching(/^state_mismatch/),
    });
    expect(checkCallback(`${ORIGIN}/flows/callback?code=c&state=s`, { ...session, issRequired: true })).toMatchObject({
      refused: expect.stringMatching(/^issuer_mismatch/),
    });
    expect(checkCallback(`${ORIGIN}/flows/callback?code=c&state=s&iss=${encodeURIComponent(evil.issuer)}`, session)).toMatchObject({
      code: 'c',
    });
  });
});
