import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import { refreshReplayMachine, type RefreshReplayContext } from './refresh-replay.machine';

const settle = (actor: AnyActorRef) => waitFor(actor, (s) => !s.hasTag('busy'), { timeout: 15_000 });

/**
 * The real machine against a real lab realm, in-process. Alice's browser is the test's minimal
 * browser: it opens the client's authorization URL, signs in as alice, consents, and the AS's
 * redirect to /flows/callback is handed to the machine as the callback page would.
 */
async function play(mode: 'vulnerable' | 'hardened') {
  const lab = await createLab(mode === 'vulnerable' ? ['as-refresh-tokens-reusable'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(refreshReplayMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  for (let i = 0; i < 3; i++) {
    await settle(actor);
    actor.send({ type: 'user.next' });
  }
  expect(actor.getSnapshot().value).toBe('redirectToAs');
  actor.send({ type: 'browser.navigated' });
  const answer = await signInAndDecide(browser(), lab.id, (actor.getSnapshot().context as RefreshReplayContext).authUrl!);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).href });
  for (let i = 0; i < 12 && actor.getSnapshot().status !== 'done'; i++) {
    actor.send({ type: 'user.next' });
    await settle(actor);
  }
  const snap = actor.getSnapshot();
  const context = snap.context as RefreshReplayContext;
  const status = (step: string) => context.exchanges.find((e) => e.step === step)?.response?.status;
  return { context, final: String(snap.value), status };
}

describe('refresh-token replay against real lab realms', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the AS hands the same refresh token back, Mallory mints Alice’s tokens with her copy and reads her photos', async () => {
    const v = await play('vulnerable');
    expect(v.final).toBe('outcome');
    expect(v.context.stolen).toBeTruthy();
    // No rotation: Alice's client got the very same refresh token back.
    expect(v.context.tokens?.refresh_token).toBe(v.context.stolen);
    expect(v.context.exchanges.find((e) => e.step === 'malloryReplays')).toMatchObject({
      from: 'attacker',
      to: 'as',
      response: { status: 200 },
    });
    expect(v.context.mallory).toMatchObject({ accepted: true });
    expect(v.context.aliceAgain).toMatchObject({ accepted: true });
    expect(v.status('malloryReadsPhotos')).toBe(200);
    expect(v.context.outcome).toMatchObject({ succeeded: true });
    expect(v.context.outcome?.what).toContain('Alice’s photos');
  });

  it('hardened: Mallory’s copy is refused with invalid_grant and the family dies: Alice’s current refresh token is refused too', async () => {
    const h = await play('hardened');
    expect(h.final).toBe('outcome');
    // Rotation: Alice's client got refresh token #2; Mallory holds the spent #1.
    expect(h.context.tokens?.refresh_token).not.toBe(h.context.stolen);
    expect(h.context.mallory).toMatchObject({ accepted: false, status: 400, error: 'invalid_grant' });
    expect(h.context.mallory?.accepted === false && h.context.mallory.description).toMatch(/whole family is now revoked/);
    expect(h.context.aliceAgain).toMatchObject({
      accepted: false,
      status: 400,
      error: 'invalid_grant',
      sent: h.context.tokens?.refresh_token,
    });
    expect(h.context.exchanges.some((e) => e.step === 'malloryReadsPhotos')).toBe(false);
    expect(h.context.outcome).toMatchObject({ succeeded: false });
    expect(h.context.outcome?.what).toMatch(
      /refused Mallory’s copy .*invalid_grant.* revoked the whole family: Alice’s client’s current refresh token was refused too/,
    );
  });
});
