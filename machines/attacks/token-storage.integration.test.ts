import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { readAttackerLog } from '@/lib/attack-lab/attacker-log';
import { browser, signInAndDecide } from '@/lib/oauth-server/test-fixtures/browser';
import { setServerStore } from '@/lib/realms/registry';
import { createLab, LAB_ORIGIN } from '@/lib/realms/test-lab';
import { inProcessFetch } from '@/lib/server-router';
import { MemoryStore } from '@/lib/store/memory-store';
import type { ServerMode } from './attack-input';
import { storageKey } from './token-storage.page';
import { tokenStorageMachine, type TokenStorageContext } from './token-storage.machine';

/** The page the machine runs in: a localStorage, and a browser's cookie jar for this origin (HttpOnly cookies sent, never shown to scripts). */
function pageGlobals() {
  const items = new Map<string, string>();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
  const jar = new Map<string, { value: string; httpOnly: boolean }>();
  const fetchWithCookies = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (jar.size) request.headers.set('cookie', [...jar].map(([k, c]) => `${k}=${c.value}`).join('; '));
    const response = await inProcessFetch(request);
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (v) jar.set(k, { value: v, httpOnly: /;\s*HttpOnly/i.test(c) });
      else jar.delete(k);
    }
    return response;
  };
  vi.stubGlobal('window', { localStorage: storage });
  vi.stubGlobal('document', {
    get cookie() {
      return [...jar]
        .filter(([, c]) => !c.httpOnly)
        .map(([k, c]) => `${k}=${c.value}`)
        .join('; ');
    },
  });
  vi.stubGlobal('fetch', fetchWithCookies);
  return { items, jar };
}

async function play(mode: ServerMode) {
  const page = pageGlobals();
  const lab = await createLab([]);
  const realm = { id: lab.id, issuer: lab.issuer, resource: lab.resource, weaknesses: lab.weaknesses };
  const actor = createActor(tokenStorageMachine, { input: { origin: LAB_ORIGIN, realm, mode } }).start();
  const settle = () => waitFor(actor, (x) => !x.hasTag('busy'), { timeout: 60_000 });
  await settle();
  actor.send({ type: 'user.next' });
  await settle();
  actor.send({ type: 'user.next' });
  actor.send({ type: 'browser.navigated' });
  const answer = await signInAndDecide(browser(), realm.id, actor.getSnapshot().context.authUrl!);
  expect(answer.status).toBe(303);
  actor.send({ type: 'callback.received', url: new URL(answer.headers.get('location')!, LAB_ORIGIN).toString() });
  for (let i = 0; i < 10; i++) {
    const s = await settle();
    if (s.status === 'done') {
      const log = await readAttackerLog(realm, (u, init) => inProcessFetch(new URL(String(u), LAB_ORIGIN), init));
      return { final: String(s.value), context: s.context as TokenStorageContext, log, page, realm };
    }
    actor.send({ type: 'user.next' });
  }
  throw new Error('the attack did not end');
}

describe('token storage and XSS (RFC 6750 §5.3, RFC 9700 §4.10)', () => {
  beforeEach(() => setServerStore(new MemoryStore()));
  afterEach(() => vi.unstubAllGlobals());

  it('vulnerable: the SPA keeps the token in localStorage, the payload posts it to Mallory, and she reads Alice’s photos from her machine', async () => {
    const run = await play('vulnerable');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: true });
    expect(run.context.outcome?.what).toContain('Alice’s photos');
    const stored = JSON.parse(run.page.items.get(storageKey(run.realm))!).access_token;
    expect(run.log.some((r) => r.path === '/xss' && r.fields.access_token === stored)).toBe(true);
    expect(run.context.exchanges.some((e) => e.from === 'attacker' && e.to === 'rs')).toBe(true);
  }, 120_000);

  it('hardened: the token stays on the backend, the payload finds nothing, Mallory’s log stays empty, and the XSS still rides the session', async () => {
    const run = await play('hardened');
    expect(run.final).toBe('outcome');
    expect(run.context.outcome).toMatchObject({ succeeded: false });
    expect(run.context.outcome?.what).toContain('the payload found no token');
    expect(run.context.outcome?.what).toContain('HTTP 200 with Alice’s photos');
    expect(run.page.items.size).toBe(0);
    expect(run.page.jar.get('bff_session')?.httpOnly).toBe(true);
    expect(run.log).toEqual([]);
    // No access, refresh or ID token crossed into the page: only the one-time code and the PKCE values appear in the run's exchanges.
    expect(run.context.exchanges.flatMap((e) => e.tokens).filter((t) => /access|refresh|ID/.test(t.label))).toEqual([]);
    expect(run.context.exchanges.some((e) => e.to === 'attacker' || e.from === 'attacker')).toBe(false);
  }, 120_000);
});
