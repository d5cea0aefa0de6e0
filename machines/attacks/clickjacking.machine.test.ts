import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { clickjackingMachine } from './clickjacking.machine';
import { collectFramedCode, type Caught, type Lure } from './clickjacking.mallory';
import type { Redeemed } from './redirect-uri.mallory';

const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'lab-realm-id-0000', ['as-consent-frameable']);
const metadata = {
  issuer: realm.issuer,
  authorization_endpoint: `${realm.issuer}/authorize`,
  token_endpoint: `${realm.issuer}/token`,
} as ServerMetadata;
const lure: Lure = {
  url: `${realm.issuer}/authorize?x`,
  lureUrl: `${ORIGIN}/attacker/${realm.id}/clickjack?x`,
  redirectUri: 'r',
  state: 's',
  verifier: 'v',
  challenge: 'c',
  challengeBy: 'mallory',
};
const stolen = { code: 'the-code', state: 's', path: '/framed-consent', seq: 1 };

function fakes(o: { caught: Caught; redeemed?: Redeemed }) {
  const called: string[] = [];
  const actor = (name: string, value: () => unknown) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = clickjackingMachine.provide({
    actors: {
      discover: actor('discover', () => metadata),
      craft: actor('craft', () => lure),
      checkFraming: actor('checkFraming', () => ({})),
      collect: actor('collect', () => o.caught),
      redeem: actor('redeem', () => o.redeemed),
      replay: actor('replay', () => ({ succeeded: true, what: 'the resource server returned Alice’s photos.' })),
    } as never,
  });
  return { machine, called };
}

async function run(o: Parameters<typeof fakes>[0]) {
  const { machine, called } = fakes(o);
  const a = createActor(machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  for (let i = 0; i < 3; i++) {
    await settle();
    a.send({ type: 'user.next' });
  }
  await settle();
  // Alice must open Mallory's page first: Next does nothing until the browser has left.
  expect(a.getSnapshot().value).toBe('aliceVisits');
  expect(a.getSnapshot().context.authUrl).toBe(lure.lureUrl);
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  for (let i = 0; i < 6 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return { a, called };
}

describe('clickjacking machine branches (fake actors)', () => {
  it('nothing caught: straight to the outcome, nothing redeemed', async () => {
    const { a, called } = await run({ caught: { outcome: { succeeded: false, what: 'refused' } } });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: false, what: 'refused' });
    expect(called).not.toContain('redeem');
  });

  it('a code the token endpoint refuses: the outcome is the refusal, no API call', async () => {
    const { a, called } = await run({ caught: { stolen }, redeemed: { outcome: { succeeded: false, what: 'invalid_grant' } } });
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: false, what: 'invalid_grant' });
    expect(called).not.toContain('replay');
  });

  it('a redeemed code: the outcome says what let the click through, then what the API answered', async () => {
    const { a, called } = await run({ caught: { stolen }, redeemed: { tokens: { access_token: 'at', token_type: 'Bearer' } as never } });
    expect(called).toEqual(['discover', 'craft', 'checkFraming', 'collect', 'redeem', 'replay']);
    const outcome = a.getSnapshot().context.outcome!;
    expect(outcome.succeeded).toBe(true);
    expect(outcome.what).toMatch(
      /^The authorization server’s consent page carries neither a frame-ancestors directive nor X-Frame-Options, .* Alice’s photos/,
    );
  });
});

describe('what Mallory makes of her page’s report', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (frame: unknown, records: unknown[] = []) =>
    vi.stubGlobal(
      'fetch',
      async (url: URL) => new Response(JSON.stringify(String(url).endsWith('/log') ? { records } : { check: frame }), { status: 200 }),
    );
  const what = async () => {
    const got = (await collectFramedCode('collect', realm, lure, {})).result;
    return got.ok && 'outcome' in got.value ? got.value.outcome.what : undefined;
  };

  it('no report: her page was never opened', async () => {
    answer(null);
    expect(await what()).toContain('never reported its frame: it was not opened');
  });

  it('framed, consent shown, but no code: Allow was not pressed', async () => {
    answer({ framed: true, consentShown: true, loads: 2 });
    expect(await what()).toContain('consent page included, but no code reached her: Allow was not pressed');
  });

  it('refused by the browser', async () => {
    answer({ framed: false, consentShown: false, loads: 1 });
    expect(await what()).toContain('the browser refused to render the consent page inside Mallory’s frame');
  });

  it('a code with another state is not hers', async () => {
    answer({ framed: true, consentShown: true, loads: 3 }, [
      { seq: 1, at: 1, kind: 'request', method: 'GET', path: '/framed-consent', query: { code: 'x', state: 'other' }, fields: {} },
    ]);
    expect(await what()).toContain('no code reached her');
  });
});
