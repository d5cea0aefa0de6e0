import { exportJWK, generateKeyPair } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { setServerStore } from '../realms/registry';
import { LAB_ORIGIN, createLab } from '../realms/test-lab';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';
import { LOG_SIZE } from './log';

beforeEach(() => setServerStore(new MemoryStore()));
const at = (path: string, init?: RequestInit) => inProcessFetch(`${LAB_ORIGIN}${path}`, init);

describe('the attacker site of a lab realm', () => {
  it('records stolen codes, Referer and harvested passwords, newest last', async () => {
    const lab = await createLab();
    const cb = await at(`/attacker/${lab.id}/callback?code=abc&state=xyz`, {
      headers: { referer: `${LAB_ORIGIN}/flows/callback?code=abc` },
    });
    expect(cb.status).toBe(200);
    expect(cb.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    await at(`/attacker/${lab.id}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=alice&password=wonderland',
    });
    await at(`/attacker/${lab.id}/fragment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fragment: 'access_token=tok&state=s' }),
    });
    const { records } = await (await at(`/attacker/${lab.id}/log`)).json();
    expect(records.map((r: { kind: string; path: string }) => [r.kind, r.path])).toEqual([
      ['request', '/callback'],
      ['request', '/login'],
      ['fragment', 'fragment'],
    ]);
    expect(records[0]).toMatchObject({ query: { code: 'abc', state: 'xyz' }, referer: `${LAB_ORIGIN}/flows/callback?code=abc` });
    expect(records[1].fields).toEqual({ username: 'alice', password: 'wonderland' });
    expect(records[2].fields).toEqual({ access_token: 'tok', state: 's' });
  });

  it('keeps each realm’s log apart, and an unused log is empty', async () => {
    const [a, b] = [await createLab(), await createLab()];
    await at(`/attacker/${a.id}/x?code=1`);
    expect((await (await at(`/attacker/${b.id}/log`)).json()).records).toEqual([]);
  });

  it('keeps the latest records only', async () => {
    const lab = await createLab();
    for (let i = 0; i < LOG_SIZE + 5; i++) await at(`/attacker/${lab.id}/x?n=${i}`);
    const { records } = await (await at(`/attacker/${lab.id}/log`)).json();
    expect(records).toHaveLength(LOG_SIZE);
    expect(records.at(-1).query.n).toBe(String(LOG_SIZE + 4));
  });

  it('publishes Mallory’s public keys and refuses private ones', async () => {
    const lab = await createLab();
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const put = (keys: unknown) =>
      at(`/attacker/${lab.id}/jwks`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ keys }) });
    expect((await put([await exportJWK(privateKey)])).status).toBe(400);
    expect((await put('nope')).status).toBe(400);
    const pub = await exportJWK(publicKey);
    expect((await put([pub])).status).toBe(204);
    expect((await (await at(`/attacker/${lab.id}/jwks`)).json()).keys).toEqual([pub]);
  });

  it('does not exist for demo or unknown realms, and answers bad paths with JSON 404', async () => {
    for (const path of ['/attacker/demo/log', '/attacker/nope/log', '/attacker/%ff/log', '/attacker/x', '/attacker/demo/%ff']) {
      const res = await at(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error).toBe('invalid_request');
    }
  });
});

describe('the attacker site under hostile bodies', () => {
  it('refuses a body over 16 KB, even streamed without Content-Length, and bad UTF-8', async () => {
    const lab = await createLab();
    const stream = new ReadableStream({
      start: (c) => {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('a'.repeat(1024)));
        c.close();
      },
    });
    const big = await at(`/attacker/${lab.id}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(big.status).toBe(413);
    const bad = await at(`/attacker/${lab.id}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new Uint8Array([0xff, 0xfe]),
    });
    expect(bad.status).toBe(400);
    expect((await (await at(`/attacker/${lab.id}/log`)).json()).records).toEqual([]);
  });
});

describe('Mallory’s page: the way back, and nothing sent off-origin', () => {
  async function pageOf() {
    const lab = await createLab();
    const res = await at(`/attacker/${lab.id}/cb?code=abc&state=xyz`);
    return { lab, html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
  }
  /** Her page's own script: the last one (the first, in <head>, is the theme script of page-shell.ts). */
  const scriptOf = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].at(-1)![1];

  /** Runs her page's inline script against a fake browser, returning what it fetched and where the link points. */
  function runScript(script: string, opts: { hash?: string; returnTo?: string | null; storageThrows?: boolean }) {
    const fetched: Array<{ url: string; init: RequestInit }> = [];
    const back = { href: '/attacks' };
    const sessionStorage = {
      getItem: (k: string) => {
        if (opts.storageThrows) throw new Error('SecurityError');
        return k === 'flowlab:return-to' ? (opts.returnTo ?? null) : null;
      },
    };
    const location = { hash: opts.hash ?? '', pathname: '/attacker/realm-id/cb' };
    const document = { getElementById: (id: string) => (id === 'back' ? back : null) };
    new Function('location', 'sessionStorage', 'document', 'fetch', script)(
      location,
      sessionStorage,
      document,
      (url: string, init: RequestInit) => {
        fetched.push({ url, init });
        return Promise.resolve();
      },
    );
    return { fetched, href: back.href };
  }

  it('links back to the attack that sent the browser, only to our own /attacks/<slug> path', async () => {
    const { html } = await pageOf();
    expect(html).toContain('<a id="back" href="/attacks">Back to the lab</a>');
    const script = scriptOf(html);
    expect(runScript(script, { returnTo: 'attacks/redirect-uri' }).href).toBe('/attacks/redirect-uri');
    // A flow's key, a hostile value or nothing: the link stays on the lab's index.
    for (const returnTo of [
      'authorization-code',
      'attacks//evil.example',
      'attacks/x/../../y',
      'https://evil.example',
      'attacks/a\n',
      null,
    ]) {
      expect(runScript(script, { returnTo }).href, String(returnTo)).toBe('/attacks');
    }
    expect(runScript(script, { storageThrows: true }).href).toBe('/attacks');
  });

  it('never sends anything off-origin: CSP, root-relative links only, and its script fetches only her own path', async () => {
    const { html, csp } = await pageOf();
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/form-action 'none'/);
    expect(csp).toMatch(/base-uri 'none'/);
    // Every inline script is one the CSP pins by hash.
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(scriptOf(html)).digest('base64')}'`);
    for (const [, script] of html.matchAll(/<script>([\s\S]*?)<\/script>/g))
      expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // Every URL in the page is a path on this origin (no scheme, no protocol-relative //host).
    const urls = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u, u).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/https?:\/\//);
    // With a fragment, the script posts it to her own site's path, relative to this origin; without one it sends nothing.
    const withHash = runScript(scriptOf(html), { hash: '#access_token=tok&state=s', returnTo: 'attacks/implicit' });
    expect(withHash.fetched.map((f) => f.url)).toEqual(['/attacker/realm-id/fragment']);
    expect(runScript(scriptOf(html), { hash: '' }).fetched).toEqual([]);
  });
});
