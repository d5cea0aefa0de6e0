import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { mixUpMachine, type MixUpContext } from './mix-up.machine';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });
const absolute = (url: string | URL | Request, init?: RequestInit) =>
  inProcessFetch(typeof url === 'string' && url.startsWith('/') ? `${LAB_ORIGIN}${url}` : url, init);

/**
 * The real machine against two real lab realms, in-process: the honest AS (the page's realm) and Mallory's
 * (made by the machine). Alice's browser is the test's minimal browser: it opens the URL Mallory's redirect
 * gives it, signs in as alice and consents at the honest AS, whose redirect goes back to the client's callback.
 */
async function play(mode: 'vulnerable' | 'hardened') {
  const lab = await createLab(mode === 'vulnerable' ? ['as-no-iss-in-response'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(mixUpMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  const context = () => actor.getSnapshot().context as MixUpContext;
  for (let i = 0; i < 6 && actor.getSnapshot().value !== 'redirectToAs'; i++) {
    await settle(actor);
    actor.send({ type: 'user.next' });
  }
  expect(actor.getSnapshot().value).toBe('redirectToAs');
  actor.send({ type: 'browser.navigated' });
  const answer = await signInAndDecide(browser(), lab.id, context().authUrl!);
  expect(answer.status).toBe(303);
  const location = new URL(answer.headers.get('location')!, LAB_ORIGIN).href;
  actor.send({ type: 'callback.received', url: location });
  for (let i = 0; i < 8 && actor.getSnapshot().status !== 'done'; i++) {
    actor.send({ type: 'user.next' });
    await settle(actor);
  }
  return { context: context(), final: String(actor.getSnapshot().value), location, log: await readAttackerLog(lab, absolute), lab };
}

describe('mix-up against two real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', absolute);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('without iss the client sends the honest code and verifier to the Evil AS, and Mallory reads Alice’s photos; with iss it stops', async () => {
    const v = await play('vulnerable');
    expect(v.context.evil?.issuer).not.toBe(v.lab.issuer);
    expect(v.context.session?.issuer).toBe(v.context.evil?.issuer);
    expect(new URL(v.context.session!.built).pathname).toBe(`/as/${v.context.evil!.id}/authorize`);
    expect(new URL(v.context.authUrl!).pathname).toBe(`/as/${v.lab.id}/authorize`);
    expect(new URL(v.location).searchParams.has('iss')).toBe(false);
    expect(v.context.verdict).toHaveProperty('code');
    const sent = v.context.exchanges.find((e) => e.step === 'clientRedeems')!;
    expect(sent).toMatchObject({ from: 'client', to: 'attacker' });
    expect(sent.request.body).toContain('code_verifier=');
    expect(v.log.some((r) => r.path === '/token' && r.fields.code === new URL(v.location).searchParams.get('code'))).toBe(true);
    const redemption = v.context.exchanges.find((e) => e.step === 'redeem')!;
    expect(redemption).toMatchObject({ from: 'attacker', to: 'as', response: { status: 200 } });
    expect(v.final).toBe('outcome');
    expect(v.context.outcome).toMatchObject({ succeeded: true });
    expect(v.context.outcome?.what).toContain('Alice’s photos');

    const h = await play('hardened');
    expect(new URL(h.location).searchParams.get('iss')).toBe(h.lab.issuer);
    expect(h.context.verdict).toMatchObject({ refused: expect.stringMatching(/^issuer_mismatch/) });
    expect(h.context.checks.callback?.find((c) => c.spec === 'RFC 9207 §2.4')).toMatchObject({ passed: false });
    expect(h.context.exchanges.some((e) => e.step === 'clientRedeems' || e.step === 'redeem')).toBe(false);
    expect(h.log).toEqual([]);
    expect(h.final).toBe('outcome');
    expect(h.context.outcome).toMatchObject({ succeeded: false });
    expect(h.context.outcome?.what).toMatch(/refused the authorization response.*issuer_mismatch.*her site received nothing/);
  });
});
