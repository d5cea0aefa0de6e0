import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ServerMode } from './attack-input';
import { implicitAttackMachine, type ImplicitAttackContext } from './implicit.machine';

async function play(mode: ServerMode) {
  const lab = await createLab(mode === 'vulnerable' ? ['as-implicit-grant-allowed'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(implicitAttackMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  const settle = () => waitFor(actor, (x) => !x.hasTag('busy'), { timeout: 60_000 });
  await settle();
  actor.send({ type: 'user.next' });
  actor.send({ type: 'user.next' });
  actor.send({ type: 'browser.navigated' });
  // Alice's browser on the real AS pages: sign in and allow, where the AS shows them.
  const answer = await signInAndDecide(browser(), realm.id, actor.getSnapshot().context.authUrl!);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).toString() });
  for (let i = 0; i < 10; i++) {
    const s = await settle();
    if (s.status === 'done')
      return {
        final: String(s.value),
        context: s.context as ImplicitAttackContext,
        log: await readAttackerLog(realm, (u, init) => inProcessFetch(new URL(String(u), LAB_ORIGIN), init)),
      };
    actor.send({ type: 'user.next' });
  }
  throw new Error('the attack did not end');
}

describe('implicit grant: the token in the fragment leaks to a third-party script', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the script posts location.hash to Mallory, who reads Alice’s photos with the token', async () => {
    const run = await play('vulnerable');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: true });
    expect(run.context.outcome?.what).toContain('Alice’s photos');
    expect(run.log.some((r) => r.kind === 'fragment' && r.fields.access_token === run.context.token?.accessToken)).toBe(true);
  }, 120_000);

  it('hardened: unsupported_response_type in the query, an empty location.hash, and Mallory’s site receives nothing', async () => {
    const run = await play('hardened');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toMatch(/unsupported_response_type/);
    expect(run.context.callbackUrl).not.toContain('#');
    expect(run.log).toEqual([]);
    expect(run.context.exchanges.some((e) => e.to === 'rs' || e.to === 'attacker')).toBe(false);
  }, 120_000);
});
