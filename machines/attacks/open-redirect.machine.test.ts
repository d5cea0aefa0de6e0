import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { fail, ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import { openRedirectMachine } from './open-redirect.machine';
import type { Caught, ImplicitLink } from './open-redirect.mallory';

const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'lab-realm-id-0000', ['client-open-redirect']);
const metadata = { issuer: realm.issuer, authorization_endpoint: `${realm.issuer}/authorize` } as ServerMetadata;
const link: ImplicitLink = { url: `${realm.issuer}/authorize?x`, redirectUri: 'r', state: 's' };

function fakes(o: { caught?: Caught; discoverFails?: boolean }) {
  const called: string[] = [];
  const actor = (name: string, value: () => unknown) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return name === 'discover' && o.discoverFails
        ? { step: input.step, exchanges: [], result: fail('network_error', 'down', input.step) }
        : { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = openRedirectMachine.provide({
    actors: {
      discover: actor('discover', () => metadata),
      craft: actor('craft', () => link),
      collect: actor('collect', () => o.caught),
      replay: actor('replay', () => ({ succeeded: true, what: 'photos' })),
    } as never,
  });
  return { machine, called };
}

async function run(o: Parameters<typeof fakes>[0]) {
  const { machine, called } = fakes(o);
  const a = createActor(machine, { input: { origin: ORIGIN, realm, mode: 'vulnerable' } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  await settle();
  if (a.getSnapshot().status === 'done') return { a, called };
  a.send({ type: 'user.next' });
  await settle();
  a.send({ type: 'user.next' });
  expect(a.getSnapshot().value).toBe('aliceOpensLink');
  expect(a.getSnapshot().context.authUrl).toBe(link.url);
  // Alice must open the link first: Next does nothing until the browser has left.
  expect(a.getSnapshot().can({ type: 'user.next' })).toBe(false);
  a.send({ type: 'browser.navigated' });
  for (let i = 0; i < 6 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return { a, called };
}

describe('open-redirect machine branches (fake actors)', () => {
  it('no token on her site: straight to the outcome, no API call', async () => {
    const { a, called } = await run({ caught: { outcome: { succeeded: false, what: 'error page' } } });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: false, what: 'error page' });
    expect(called).toEqual(['discover', 'craft', 'collect']);
  });

  it('a token caught: Mallory calls the API, whose answer is the outcome', async () => {
    const { a, called } = await run({ caught: { token: 'at' } });
    expect(a.getSnapshot().value).toBe('outcome');
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: true, what: 'photos' });
    expect(called).toEqual(['discover', 'craft', 'collect', 'replay']);
  });

  it('a failed request ends the run in failed', async () => {
    const { a } = await run({ discoverFails: true });
    expect(a.getSnapshot().value).toBe('failed');
  });
});
