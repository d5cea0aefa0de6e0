import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { setServerStore } from '../realms/registry';
import { LAB_ORIGIN, createLab } from '../realms/test-lab';
import { inProcessFetch } from '../server-router';
import { MemoryStore } from '../store/memory-store';

beforeEach(() => setServerStore(new MemoryStore()));
const at = (path: string, init?: RequestInit) => inProcessFetch(`${LAB_ORIGIN}${path}`, init);
const report = (id: string, body: unknown) =>
  at(`/attacker/${id}/frame-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Mallory’s clickjacking page', () => {
  it('frames only the realm’s own authorization endpoint, with only the OAuth parameters of its query', async () => {
    const lab = await createLab(['as-consent-frameable']);
    const q = new URLSearchParams({ client_id: 'spa', response_type: 'code', state: 's"<x>', evil: 'https://elsewhere.example/' });
    const res = await at(`/attacker/${lab.id}/clickjack?${q}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const src = /<iframe[^>]* src="([^"]+)"/.exec(html)![1].replaceAll('&#38;', '&');
    const url = new URL(src, LAB_ORIGIN);
    expect(url.pathname).toBe(`/as/${lab.id}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ response_type: 'code', client_id: 'spa', state: 's"<x>' });
    expect(html).not.toContain('elsewhere.example');
    expect(html).toContain('sandbox="allow-forms allow-same-origin"');
  });

  it('runs only its own hashed script and style, and may frame only this origin', async () => {
    const lab = await createLab();
    const res = await at(`/attacker/${lab.id}/clickjack`);
    const csp = res.headers.get('content-security-policy')!;
    const html = await res.text();
    // The theme script (page-shell.ts), then her own.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${scripts.map(sha).join(' ')};`);
    expect(csp).toContain(`style-src ${sha(style)}`);
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("default-src 'none'");
  });

  it('is not recorded in the loot log: visiting it gives Mallory nothing', async () => {
    const lab = await createLab();
    await at(`/attacker/${lab.id}/clickjack?client_id=spa`);
    expect((await (await at(`/attacker/${lab.id}/log`)).json()).records).toEqual([]);
  });
});

describe('the frame check of her page', () => {
  it('keeps the last load and remembers that the consent page was shown', async () => {
    const lab = await createLab();
    expect(await (await at(`/attacker/${lab.id}/frame-check`)).json()).toEqual({ check: null });
    expect((await report(lab.id, { framed: true, consent: false })).status).toBe(201);
    await report(lab.id, { framed: true, consent: true });
    await report(lab.id, { framed: false, consent: false });
    const { check } = await (await at(`/attacker/${lab.id}/frame-check`)).json();
    expect(check).toMatchObject({ framed: false, consentShown: true, loads: 3 });
    // Her probe is not loot: the log, and so the Attacker's console, stays empty.
    expect((await (await at(`/attacker/${lab.id}/log`)).json()).records).toEqual([]);
  });

  it('a blocked frame never counts as a shown consent page', async () => {
    const lab = await createLab();
    await report(lab.id, { framed: false, consent: true });
    expect((await (await at(`/attacker/${lab.id}/frame-check`)).json()).check).toMatchObject({ framed: false, consentShown: false });
  });

  it('refuses malformed, hostile and huge reports with a clear 4xx', async () => {
    const lab = await createLab();
    for (const body of ['not json', '[]', '{"framed":"yes","consent":false}', '{"framed":true}', '{"__proto__":{"framed":true}}']) {
      const res = await report(lab.id, body);
      expect(res.status, body).toBe(400);
      expect((await res.json()).error).toBe('invalid_request');
    }
    expect((await report(lab.id, 'x'.repeat(17 * 1024))).status).toBe(413);
    const put = await at(`/attacker/${lab.id}/frame-check`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });
});
