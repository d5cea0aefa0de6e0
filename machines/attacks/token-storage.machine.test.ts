import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { ok } from '@/lib/oauth-client/result';
import { realmAt } from '@/lib/realms/descriptor';
import type { ServerMode } from './attack-input';
import { tokenStorageMachine } from './token-storage.machine';

const ORIGIN = 'http://localhost:3000';
const realm = realmAt(ORIGIN, 'lab-realm-id-0000', []);
const metadata = {
  issuer: realm.issuer,
  authorization_endpoint: `${realm.issuer}/authorize`,
  token_endpoint: `${realm.issuer}/token`,
} as ServerMetadata;

function fakes(o: { found: { token?: string }; loot?: string }) {
  const called: string[] = [];
  const actor = (name: string, value: () => unknown) =>
    fromPromise(async ({ input }: { input: { step: string } }) => {
      called.push(name);
      return { step: input.step, exchanges: [], result: ok(value()) };
    });
  const machine = tokenStorageMachine.provide({
    actors: {
      discover: actor('discover', () => metadata),
      buildUrl: actor('buildUrl', () => ({ state: 'st', verifier: 'v', authUrl: `${realm.issuer}/authorize?x` })),
      spaStores: actor('spaStores', () => ({})),
      bffSignsIn: actor('bffSignsIn', () => true),
      xss: actor('xss', () => o.found),
      loot: actor('loot', () => o.loot),
      replay: actor('replay', () => ({ succeeded: true, what: 'photos' })),
      ridesSession: actor('ridesSession', () => ({ succeeded: false, what: 'found nothing' })),
    } as never,
  });
  return { machine, called };
}

async function run(
  mode: ServerMode,
  o: Parameters<typeof fakes>[0],
  callback = `${ORIGIN}/flows/callback?code=c&state=st&iss=${encodeURIComponent(realm.issuer)}`,
) {
  const { machine, called } = fakes(o);
  const a = createActor(machine, { input: { origin: ORIGIN, realm, mode } }).start();
  const settle = () => waitFor(a, (s) => !s.hasTag('busy'));
  await settle();
  a.send({ type: 'user.next' });
  await settle();
  a.send({ type: 'user.next' });
  expect(a.getSnapshot().value).toBe('redirectToAs');
  a.send({ type: 'browser.navigated' });
  a.send({ type: 'callback.received', url: callback });
  for (let i = 0; i < 8 && a.getSnapshot().status !== 'done'; i++) {
    a.send({ type: 'user.next' });
    await settle();
  }
  return { a, called };
}

describe('token-storage machine branches (fake actors)', () => {
  it('SPA architecture, token found: Mallory loots and replays it', async () => {
    const { a, called } = await run('vulnerable', { found: { token: 't' }, loot: 't' });
    expect(called).toEqual(['discover', 'buildUrl', 'spaStores', 'xss', 'loot', 'replay']);
    expect(a.getSnapshot().context.outcome).toEqual({ succeeded: true, what: 'photos' });
  });

  it('backend architecture, nothing found: no loot, the payload rides the session instead', async () => {
    const { a, called } = await run('hardened', { found: {} });
    expect(called).toEqual(['discover', 'buildUrl', 'bffSignsIn', 'xss', 'ridesSession']);
    expect(a.getSnapshot().context.outcome?.succeeded).toBe(false);
  });

  it('a token posted but not in her log: no replay', async () => {
    const { called } = await run('vulnerable', { found: { token: 't' }, loot: undefined });
    expect(called).not.toContain('replay');
    expect(called.at(-1)).toBe('ridesSession');
  });

  it('a refused authorization (access_denied): the run fails before any token is kept', async () => {
    const { a, called } = await run(
      'vulnerable',
      { found: {} },
      `${ORIGIN}/flows/callback?error=access_denied&state=st&iss=${encodeURIComponent(realm.issuer)}`,
    );
    expect(a.getSnapshot().value).toBe('failed');
    expect(called).not.toContain('spaStores');
  });
});
