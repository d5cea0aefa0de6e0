import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { fail, ok } from '@/lib/oauth-client/result';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { realmAt } from '@/lib/realms/descriptor';
import { redirectUriMachine } from './redirect-uri.machine';
import type { Collected, CraftedLink, Redeemed } from './redirect-uri.mallory';

const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'lab-realm-id-0000', ['as-redirect-uri-prefix']);
const metadata = {
  issuer: realm.issuer,
  authorization_endpoint: `${realm.issuer}/authorize`,
  token_endpoint: `${realm.issuer}/token`,
} as ServerMetadata;
const link: CraftedLink = {
  url: `${realm.issuer}/authorize?x`,
  redirectUri: 'r',
  state: 's',
  verifier: 'v',
  challenge: 'c',
  challengeBy: 'mallory',
};

const out = <T>(step: string, value: T) => ({ step, exchanges: [], result: ok(value) });

function fakes(o: { collected?: Collected; redeemed?: Redeemed; discoverFails?: boolean }) {
  const called: string[] = [];
  const actor = (name: string, value: () => unknown) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return name === 'discover' && o.discoverFails
        ? { step: input.step, exchanges: [], result: fail('network_error', 'down', input.step) }
        : out(input.step, value());
    });
  const machine = redirectUriMachine.provide({
    actors: {
      discover: actor('discover', () => metadata),
      craft: actor('craft', () => link),
      collect: actor('collect', () => o.collected),
      redeem: actor('redeem', () => o.redeemed),
      replay: actor('replay', () => ({ succeeded: true, what: 'photos' })),
    } as never,
  });
  return { machine, called };
}

async function run(o: Parameters<typeof fakes>[0]) {
  const { machine, called } = fakes(o);
  const a = createActor(machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable', variant: 'prefix' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  await settle();
  if (a.getSnapshot().status === 'done') return { a, called };
  a.send({ type: 'user.next' });
  await settle();
  a.send({ type: 'user.next' });
  // Alice must open the link first: Next does nothing until the browser has left.
  expect(a.getSnapshot().value).toBe('aliceOpensLink');
  expect(a.getSnapshot().context.authUrl).toBe(link.url);
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  for (let i = 0; i < 6 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return { a, called };
}

describe('redirect-uri machine branches (fake actors)', () => {
  it('no code on her site: straight to the outcome, nothing redeemed', async () => {
    const { a, called } = await run({ collected: { outcome: { succeeded: false, what: 'error page' } } });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: false, what: 'error page' });
    expect(called).toEqual(['discover', 'craft', 'collect']);
  });

  it('code stolen but refused at the token endpoint: the outcome, no API call', async () => {
    const { a, called } = await run({
      collected: { stolen: { code: 'c', state: 's', path: '/cb', seq: 1 } },
      redeemed: { outcome: { succeeded: false, what: 'invalid_grant' } },
    });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome?.what).toBe('invalid_grant');
    expect(called).toEqual(['discover', 'craft', 'collect', 'redeem']);
  });

  it('code stolen and redeemed: Mallory calls the API, whose answer is the outcome', async () => {
    const { a, called } = await run({
      collected: { stolen: { code: 'c', state: 's', path: '/cb', seq: 1 } },
      redeemed: { tokens: { access_token: 'at', token_type: 'Bearer' } as never },
    });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: true, what: 'photos' });
    expect(called).toEqual(['discover', 'craft', 'collect', 'redeem', 'replay']);
  });

  it('a failed request ends the run in failed', async () => {
    const { a } = await run({ discoverFails: true });
    expect(a.getSnapshot().value).toBe('failed');
  });
});
