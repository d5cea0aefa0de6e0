import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyStateMachine } from 'xstate';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { demoRealm, type RealmDescriptor } from '@/lib/realms/descriptor';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { implicitMachine, type ImplicitContext } from './implicit.machine';
import { passwordMachine, type PasswordContext } from './password.machine';

const settle = (actor: ReturnType<typeof createActor<AnyStateMachine>>) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 60_000 });

async function labRealm(weaknesses: string[]): Promise<RealmDescriptor> {
  const lab = await createLab(weaknesses);
  return { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
}

/** Plays the implicit flow: Alice's (simulated) browser signs in on the real AS pages when the realm shows them. */
async function playImplicit(realm: RealmDescriptor) {
  const actor = createActor(implicitMachine as AnyStateMachine, {
    input: { origin: LAB_ORIGIN, realm, client: { clientId: 'legacy-spa', method: 'none' }, scope: 'profile photos:read' },
  }).start();
  await settle(actor);
  actor.send({ type: 'user.next' }); // buildUrl
  actor.send({ type: 'user.next' }); // redirectToAs
  const authUrl = (actor.getSnapshot().context as ImplicitContext).authUrl!;
  actor.send({ type: 'browser.navigated' });
  const answer = await signInAndDecide(browser(), realm.id, authUrl);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).toString() });
  for (let i = 0; i < 6; i++) {
    const s = await settle(actor);
    if (s.status === 'done') return { final: String(s.value), context: s.context as ImplicitContext };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the implicit flow did not end');
}

async function playPassword(realm: RealmDescriptor, password = 'wonderland') {
  const actor = createActor(passwordMachine as AnyStateMachine, {
    input: {
      origin: LAB_ORIGIN,
      realm,
      client: { clientId: 'legacy-app', secret: 'legacy-secret', method: 'client_secret_basic' },
      scope: 'profile photos:read',
    },
  }).start();
  await settle(actor);
  actor.send({ type: 'user.next' });
  actor.send({ type: 'user.submitPassword', username: 'alice', password });
  for (let i = 0; i < 6; i++) {
    const s = await settle(actor);
    if (s.status === 'done') return { final: String(s.value), context: s.context as PasswordContext };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the password flow did not end');
}

describe('the deprecated grants as plain flows', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('implicit: a lab realm that allows it puts the token in the fragment and the API serves Alice', async () => {
    const run = await playImplicit(await labRealm(['as-implicit-grant-allowed']));
    expect(run.final).toBe('useInstead');
    expect(run.context.callbackUrl).toMatch(/\/flows\/callback#access_token=/);
    expect(new URL(run.context.callbackUrl!).search).toBe('');
    expect(run.context.token?.tokenType).toBe('Bearer');
    expect(run.context.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('implicit: demo and a hardened lab realm refuse it with unsupported_response_type, in the query, with no token', async () => {
    for (const realm of [demoRealm(LAB_ORIGIN), await labRealm([])]) {
      const run = await playImplicit(realm);
      expect(run.final).toBe('callbackRefused');
      expect(run.context.error?.code).toBe('unsupported_response_type');
      expect(run.context.callbackUrl).not.toContain('access_token');
      expect(run.context.token).toBeUndefined();
    }
  });

  it('password: a lab realm that allows it issues tokens for the password, and the app forgets it afterwards', async () => {
    const run = await playPassword(await labRealm(['as-password-grant-allowed']));
    expect(run.final).toBe('useInstead');
    const tokenExchange = run.context.exchanges.find((e) => e.step === 'tokenRequest')!;
    expect(tokenExchange.request.body).toContain('grant_type=password');
    expect(tokenExchange.request.body).toContain('password=wonderland');
    expect(run.context.password).toBeUndefined();
    expect(run.context.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('password: demo and a hardened lab realm refuse it with unsupported_grant_type; a wrong password is invalid_grant', async () => {
    for (const realm of [demoRealm(LAB_ORIGIN), await labRealm([])]) {
      const run = await playPassword(realm);
      expect(run.final).toBe('failed');
      expect(run.context.error?.code).toBe('unsupported_grant_type');
    }
    const wrong = await playPassword(await labRealm(['as-password-grant-allowed']), 'not-it');
    expect(wrong.context.error?.code).toBe('invalid_grant');
  });
});
