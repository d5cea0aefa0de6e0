import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { codeInterceptionMachine, type CodeInterceptionContext } from './code-interception.machine';
import type { InterceptionVariant } from './code-interception.client';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });

/**
 * The real machine against a real lab realm, in-process. Alice's browser is the test's minimal
 * browser: it opens the URL, signs in as alice and consents; the AS's redirect (or its refusal) is
 * handed to the machine as /flows/callback would — where the lab gives it to Mallory's app.
 */
async function play(mode: 'vulnerable' | 'hardened', variant: InterceptionVariant) {
  const lab = await createLab(mode === 'vulnerable' ? ['as-pkce-optional'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(codeInterceptionMachine, { input: { origin: LAB_ORIGIN, realm, mode, variant } }).start();
  for (let i = 0; i < 6 && actor.getSnapshot().value !== 'redirectToAs'; i++) {
    await settle(actor);
    actor.send({ type: 'user.next' });
  }
  expect(actor.getSnapshot().value).toBe('redirectToAs');
  actor.send({ type: 'browser.navigated' });
  const context = () => actor.getSnapshot().context as CodeInterceptionContext;
  const answer = await signInAndDecide(browser(), lab.id, context().authUrl!);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).href });
  for (let i = 0; i < 6 && actor.getSnapshot().status !== 'done'; i++) {
    actor.send({ type: 'user.next' });
    await settle(actor);
  }
  const redemption = context().exchanges.find((e) => e.step === 'redeem');
  return { context: context(), final: String(actor.getSnapshot().value), redemption };
}

describe('code interception and PKCE downgrade against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('no PKCE: Mallory redeems the intercepted code and reads Alice’s photos; hardened: PKCE is required and she has no verifier', async () => {
    const v = await play('vulnerable', 'no-pkce');
    expect(new URL(v.context.authUrl!).searchParams.has('code_challenge')).toBe(false);
    expect(v.context.intercepted).toHaveProperty('code');
    expect(v.redemption).toMatchObject({ from: 'attacker', to: 'as', response: { status: 200 } });
    expect(v.redemption?.request.body).not.toContain('code_verifier');
    expect(v.final).toBe('outcome');
    expect(v.context.outcome).toMatchObject({ succeeded: true });
    expect(v.context.outcome?.what).toContain('Alice’s photos');

    const h = await play('hardened', 'no-pkce');
    expect(new URL(h.context.authUrl!).searchParams.get('code_challenge_method')).toBe('S256');
    expect(h.context.intercepted).toHaveProperty('code');
    expect(h.redemption?.response?.status).toBe(400);
    expect(h.context.exchanges.some((e) => e.step === 'replay')).toBe(false);
    expect(h.context.outcome).toMatchObject({ succeeded: false });
    expect(h.context.outcome?.what).toMatch(/invalid_grant.*code_verifier is missing/);
  });

  it('downgrade: the stripped challenge goes unnoticed and her own verifier is ignored; hardened: the stripped request gets no code', async () => {
    const v = await play('vulnerable', 'downgrade');
    expect(new URL(v.context.request!.built).searchParams.has('code_challenge')).toBe(true);
    expect(new URL(v.context.authUrl!).searchParams.has('code_challenge')).toBe(false);
    expect(v.redemption?.request.body).toContain('code_verifier=');
    expect(v.redemption?.response?.status).toBe(200);
    expect(v.context.outcome).toMatchObject({ succeeded: true });

    const h = await play('hardened', 'downgrade');
    expect(h.context.intercepted).toMatchObject({ error: 'invalid_request' });
    expect(h.redemption).toBeUndefined();
    expect(h.final).toBe('outcome');
    expect(h.context.outcome).toMatchObject({ succeeded: false });
    expect(h.context.outcome?.what).toMatch(/refused the authorization request and issued no code \(invalid_request — “PKCE is required/);
  });
});
