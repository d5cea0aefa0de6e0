import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { redirectUriMachine, type RedirectUriContext } from './redirect-uri.machine';
import { labCallbackRedirect } from '@/lib/lab-client/callback-redirect';
import { redirectVariantWeaknesses, type RedirectVariant } from './redirect-uri.mallory';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });
const absolute = (url: string | URL | Request, init?: RequestInit) =>
  inProcessFetch(typeof url === 'string' && url.startsWith('/') ? `${LAB_ORIGIN}${url}` : url, init);

/**
 * The real machine against a real lab realm, in-process. Alice's browser is the test's minimal browser
 * (cookies, no automatic redirects): it opens Mallory's link, signs in, consents, and follows the
 * AS's redirect wherever it points — which is how the code reaches (or does not reach) her site.
 */
async function play(mode: 'vulnerable' | 'hardened', variant: RedirectVariant) {
  const lab = await createLab(mode === 'vulnerable' ? redirectVariantWeaknesses(variant) : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(redirectUriMachine, { input: { origin: LAB_ORIGIN, realm, mode, variant } }).start();
  await settle(actor);
  actor.send({ type: 'user.next' }); // craft
  await settle(actor);
  actor.send({ type: 'user.next' }); // aliceOpensLink
  expect(actor.getSnapshot().value).toBe('aliceOpensLink');
  expect(actor.getSnapshot().can({ type: 'user.next' })).toBe(false);
  actor.send({ type: 'browser.navigated' });
  const b = browser();
  const answer = await signInAndDecide(b, lab.id, (actor.getSnapshot().context as RedirectUriContext).authUrl!);
  const location = answer.headers.get('location');
  // At the client's callback, the callback page's redirector (lib/lab-client) decides whether the browser goes on.
  const onward =
    location && new URL(location, LAB_ORIGIN).pathname === '/flows/callback'
      ? await labCallbackRedirect(new URL(location, LAB_ORIGIN).searchParams, LAB_ORIGIN)
      : location;
  if (onward) await b.go(onward);
  for (let i = 0; i < 10 && actor.getSnapshot().status !== 'done'; i++) {
    actor.send({ type: 'user.next' });
    await settle(actor);
  }
  const snap = actor.getSnapshot();
  return {
    context: snap.context as RedirectUriContext,
    final: String(snap.value),
    answer,
    location,
    log: await readAttackerLog(lab, absolute),
  };
}

describe('redirect-URI manipulation against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', absolute);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each(['prefix', 'path-normalisation', 'substring', 'extra-query'] as const)(
    '%s: the code lands on Mallory’s site, she redeems it and reads Alice’s photos; hardened: an error page, her site stays empty',
    async (variant) => {
      const v = await play('vulnerable', variant);
      expect(v.answer.status).toBe(303);
      const landed = new URL(v.location!, LAB_ORIGIN).pathname;
      expect(landed).toMatch(variant === 'extra-query' ? /^\/flows\/callback$/ : /^\/attacker\/[\w-]+\/cb$/);
      expect(v.context.stolen?.state).toBe(v.context.link?.state);
      expect(v.log.some((r) => r.query.code === v.context.stolen?.code)).toBe(true);
      const redemption = v.context.exchanges.find((e) => e.step === 'redeem')!;
      expect(redemption).toMatchObject({ from: 'attacker', to: 'as', response: { status: 200 } });
      expect(v.final).toBe('outcome');
      expect(v.context.outcome).toMatchObject({ succeeded: true });
      expect(v.context.outcome?.what).toContain('Alice’s photos');

      const h = await play('hardened', variant);
      expect(h.answer.status).toBe(400);
      expect(h.location).toBeNull();
      expect(h.log).toEqual([]);
      expect(h.context.stolen).toBeUndefined();
      expect(h.context.exchanges.some((e) => e.step === 'redeem')).toBe(false);
      expect(h.context.outcome).toMatchObject({ succeeded: false });
      expect(h.context.outcome?.what).toMatch(/error page \(HTTP 400, “invalid_request: The redirect_uri is not registered/);
    },
  );

  it('pkce: the loose AS still delivers the code, but without the verifier of Alice’s client the token endpoint refuses it', async () => {
    const v = await play('vulnerable', 'pkce');
    expect(v.context.stolen).toBeDefined();
    expect(v.context.link?.verifier).toBeUndefined();
    const redemption = v.context.exchanges.find((e) => e.step === 'redeem')!;
    expect(redemption.request.body).not.toContain('code_verifier');
    expect(redemption.response?.status).toBe(400);
    expect(v.context.exchanges.some((e) => e.step === 'replay')).toBe(false);
    expect(v.context.outcome).toMatchObject({ succeeded: false });
    expect(v.context.outcome?.what).toMatch(/invalid_grant.*code_verifier is missing/);
  });

  it('extra-query without the client’s redirector: the lax AS sends the code to Alice’s real callback, and Mallory gets nothing', async () => {
    vi.stubGlobal('fetch', absolute);
    const lab = await createLab(['as-redirect-uri-extra-query']);
    const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
    const actor = createActor(redirectUriMachine, {
      input: { origin: LAB_ORIGIN, realm, mode: 'vulnerable', variant: 'extra-query' },
    }).start();
    await settle(actor);
    actor.send({ type: 'user.next' });
    await settle(actor);
    const answer = await signInAndDecide(browser(), lab.id, (actor.getSnapshot().context as RedirectUriContext).authUrl!);
    const callback = new URL(answer.headers.get('location')!, LAB_ORIGIN);
    expect(callback.pathname).toBe('/flows/callback');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(await labCallbackRedirect(callback.searchParams, LAB_ORIGIN)).toBeUndefined();
    expect(await readAttackerLog(lab, absolute)).toEqual([]);
  });
});
