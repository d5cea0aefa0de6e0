import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ServerMode } from './attack-input';
import { IMPLICIT_VARIANTS, implicitAttackMachine, type ImplicitAttackContext } from './implicit.machine';

/** The injection variant against a real lab realm: Alice signs in to the quiz on the AS pages, then Next to the end. */
async function play(mode: ServerMode) {
  const lab = await createLab(mode === 'vulnerable' ? [...IMPLICIT_VARIANTS.injection.weaknesses] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(implicitAttackMachine, { input: { origin: LAB_ORIGIN, realm, mode, variant: 'injection' } }).start();
  const settle = () => waitFor(actor, (x) => !x.hasTag('busy'), { timeout: 60_000 });
  await settle();
  actor.send({ type: 'user.next' });
  await settle();
  expect(actor.getSnapshot().value).toMatchObject({ quizRequest: 'ready' });
  actor.send({ type: 'user.next' });
  actor.send({ type: 'browser.navigated' });
  const authUrl = actor.getSnapshot().context.authUrl!;
  expect(new URL(authUrl).searchParams.get('client_id')).toBe('mallory-quiz');
  const answer = await signInAndDecide(browser(), realm.id, authUrl);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).toString() });
  const trail: string[] = [];
  for (let i = 0; i < 10; i++) {
    const s = await settle();
    trail.push(JSON.stringify(s.value));
    if (s.status === 'done')
      return {
        final: String(s.value),
        trail,
        context: s.context as ImplicitAttackContext,
        log: await readAttackerLog(realm, (u, init) => inProcessFetch(new URL(String(u), LAB_ORIGIN), init)),
      };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the attack did not end');
}

describe('implicit grant, token injection: Alice’s token for Mallory’s quiz app planted in the legacy app’s callback', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the legacy app’s backend signs Mallory’s browser in as Alice', async () => {
    const run = await play('vulnerable');
    expect(run.final).toBe('injectionOutcome');
    expect(run.context.outcome).toMatchObject({ succeeded: true });
    expect(run.context.outcome?.what).toContain('signed Mallory’s browser in as Alice');
    expect(run.context.injected?.callbackUrl).toContain('#access_token=');
    const login = run.context.exchanges.find((e) => e.step === 'clientLogin')!;
    expect(login).toMatchObject({ from: 'attacker', to: 'client' });
    expect(login.response?.status).toBe(200);
    expect(run.context.checks.clientLogin?.[0]).toMatchObject({ outcome: 'skipped' });
    // Nothing is sent to Mallory's site in this variant: she holds the token through her own app.
    expect(run.log).toEqual([]);
  }, 120_000);

  it('hardened: the backend refuses the token, naming the ID token’s audience (Mallory’s app), and no session starts', async () => {
    const run = await play('hardened');
    expect(run.final).toBe('injectionOutcome');
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toContain('refused to sign anyone in (HTTP 401 invalid_token)');
    expect(run.context.outcome?.what).toContain('mallory-quiz');
    const login = run.context.exchanges.find((e) => e.step === 'clientLogin')!;
    expect(login.response?.status).toBe(401);
    expect(login.response?.headers['set-cookie']).toBeUndefined();
    expect(run.context.checks.clientLogin?.find((c) => c.name === 'aud contains this client')).toMatchObject({ passed: false });
    expect(run.log).toEqual([]);
  }, 120_000);
});
