import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { browser, pendingOf } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { missingStateMachine, type MissingStateContext } from './missing-state.machine';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });

/**
 * The real machine against a real lab realm, in-process. Mallory's browser signs in as mallory on the
 * AS pages; Alice's browser (another test browser: no AS session) opens Mallory's page and follows its
 * link, and the URL it lands on is handed to the machine as /flows/callback would.
 */
async function play(weaknesses: string[]) {
  const lab = await createLab(weaknesses);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(missingStateMachine, {
    input: { origin: LAB_ORIGIN, realm, mode: weaknesses.length ? 'vulnerable' : 'hardened' },
  }).start();
  const context = () => actor.getSnapshot().context as MissingStateContext;
  const next = async () => {
    actor.send({ type: 'user.next' });
    await settle(actor);
  };
  await settle(actor);
  await next();
  await next();
  expect(actor.getSnapshot().value).toBe('mallorySignsIn');
  actor.send({ type: 'browser.navigated' });
  const m = browser();
  const login = await m.go(context().authUrl!);
  const afterLogin = await m.post(`/as/${lab.id}/login`, {
    pending: pendingOf(await login.text()),
    username: 'mallory',
    password: 'mischief',
  });
  expect(afterLogin.status).toBe(303);
  const consent = await m.go(afterLogin.headers.get('location')!);
  const redirect = await m.post(`/as/${lab.id}/consent`, { pending: pendingOf(await consent.text()), decision: 'allow' });
  actor.send({ type: 'callback.received', url: new URL(redirect.headers.get('location')!, LAB_ORIGIN).href });
  await next(); // plant
  await next(); // aliceVisits
  expect(actor.getSnapshot().value).toBe('aliceVisits');
  actor.send({ type: 'browser.navigated' });
  const alice = browser();
  const page = await alice.go(context().authUrl!);
  const html = await page.text();
  const href = /<a href="([^"]+)">Claim your prize<\/a>/.exec(html)![1].replace(/&#38;/g, '&');
  actor.send({ type: 'callback.received', url: new URL(href, LAB_ORIGIN).href });
  for (let i = 0; i < 5 && actor.getSnapshot().status !== 'done'; i++) await next();
  return { context: context(), final: String(actor.getSnapshot().value), page };
}

describe('login CSRF (missing state) against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the client skips the state check, redeems Mallory’s code, and Alice’s session is Mallory’s account', async () => {
    const v = await play(['client-skips-state-check', 'as-pkce-optional']);
    expect(v.page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(v.context.checks.aliceCallback.find((c) => c.name.startsWith('state'))).toMatchObject({ outcome: 'skipped' });
    expect(v.context.exchanges.find((e) => e.step === 'clientRedeems')).toMatchObject({
      from: 'client',
      to: 'as',
      response: { status: 200 },
    });
    expect(v.final).toBe('outcome');
    expect(v.context.outcome).toMatchObject({ succeeded: true });
    expect(v.context.outcome?.what).toContain('sub is "mallory"');
    expect(v.context.outcome?.what).toContain('Mallory Mischief');
  });

  it('hardened: the client’s state check refuses the planted response, and nothing is redeemed', async () => {
    const h = await play([]);
    expect(h.context.checks.aliceCallback.find((c) => c.name.startsWith('state'))).toMatchObject({ passed: false });
    expect(h.context.exchanges.some((e) => e.step === 'clientRedeems')).toBe(false);
    expect(h.context.outcome).toMatchObject({ succeeded: false });
    expect(h.context.outcome?.what).toMatch(
      /refused the response Mallory planted\. The state in the response is not the one this client sent/,
    );
  });

  it('pkce variant: the state check is skipped, but Mallory’s code is bound to her challenge and the token endpoint refuses it', async () => {
    const p = await play(['client-skips-state-check']);
    expect(p.context.exchanges.find((e) => e.step === 'clientRedeems')?.response?.status).toBe(400);
    expect(p.context.outcome).toMatchObject({ succeeded: false });
    expect(p.context.outcome?.what).toMatch(/code_verifier is missing/);
  });
});
