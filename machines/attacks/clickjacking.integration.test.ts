import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { framingAllowed, framingHeaders } from '@/lib/attack-lab/framing';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ServerMode } from './attack-input';
import { clickjackingMachine, type ClickjackingContext } from './clickjacking.machine';

/**
 * Alice's browser on Mallory's page, as Chromium behaves (the e2e test runs the real one): it loads
 * the framed URL, renders it only if the AS's headers allow framing, and her page's script reports
 * what it saw and passes a code from the frame's callback to her site.
 */
async function aliceOnMallorysPage(realmId: string, lureUrl: string) {
  const b = browser();
  const page = await b.go(lureUrl);
  expect(page.status).toBe(200);
  const src = /<iframe[^>]* src="([^"]+)"/.exec(await page.text())![1].replaceAll('&#38;', '&');
  const framed = await b.go(src);
  const report = (body: object) =>
    b.go(`/attacker/${realmId}/frame-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  if (!framingAllowed(framingHeaders(framed.headers), LAB_ORIGIN, LAB_ORIGIN)) {
    await report({ framed: false, consent: false });
    return;
  }
  await report({ framed: true, consent: false });
  await report({ framed: true, consent: true });
  const answer = await signInAndDecide(b, realmId, src);
  expect(answer.status).toBe(303);
  await b.go(`/attacker/${realmId}/framed-consent${new URL(answer.headers.get('location')!, LAB_ORIGIN).search}`);
}

async function play(mode: ServerMode) {
  const lab = await createLab(mode === 'vulnerable' ? ['as-consent-frameable'] : []);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(clickjackingMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  const settle = () => waitFor(actor, (x) => !x.hasTag('busy'), { timeout: 60_000 });
  for (let i = 0; i < 5 && String((await settle()).value) !== 'aliceVisits'; i++) actor.send({ type: 'user.next' });
  expect(actor.getSnapshot().value).toBe('aliceVisits');
  actor.send({ type: 'browser.navigated' });
  await aliceOnMallorysPage(realm.id, actor.getSnapshot().context.authUrl!);
  for (let i = 0; i < 10; i++) {
    actor.send({ type: 'user.next' });
    const s = await settle();
    if (s.status === 'done') {
      const log = await readAttackerLog(realm, (u, init) => inProcessFetch(new URL(String(u), LAB_ORIGIN), init));
      return { final: String(s.value), context: s.context as ClickjackingContext, log };
    }
  }
  throw new Error('the attack did not end');
}

describe('clickjacking the consent page (RFC 9700 §4.16)', () => {
  beforeEach(() => {
    setServerStore(new MemoryStore());
    vi.stubGlobal('fetch', inProcessFetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the AS sends no framing headers, Alice’s click grants Mallory’s request, and she reads Alice’s photos', async () => {
    const run = await play('vulnerable');
    expect(run.final).toBe('outcome');
    expect(run.context.framing).toEqual({});
    expect(run.context.outcome).toMatchObject({ succeeded: true });
    expect(run.context.outcome?.what).toContain('neither a frame-ancestors directive nor X-Frame-Options');
    expect(run.context.outcome?.what).toContain('Alice’s photos');
    expect(run.log.some((r) => r.path === '/framed-consent' && r.query.code === run.context.stolen?.code)).toBe(true);
    expect(run.context.exchanges.filter((e) => e.from === 'attacker').map((e) => e.to)).toEqual(['as', 'as', 'as', 'rs']);
  }, 120_000);

  it("hardened: frame-ancestors 'none' and X-Frame-Options: DENY, the frame is refused, and Mallory’s log stays empty", async () => {
    const run = await play('hardened');
    expect(run.final).toBe('outcome');
    expect(run.context.framing).toEqual({ frameAncestors: "'none'", xFrameOptions: 'DENY' });
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toContain("frame-ancestors 'none' and X-Frame-Options: DENY");
    expect(run.context.outcome?.what).toContain('refused to render');
    expect(run.log).toEqual([]);
    expect(run.context.exchanges.some((e) => e.to === 'rs')).toBe(false);
  }, 120_000);
});
