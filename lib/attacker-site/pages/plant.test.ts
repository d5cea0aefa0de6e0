import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_THEME_SCRIPT } from '../../theme/theme';
import { setServerStore } from '../../realms/registry';
import { LAB_ORIGIN, createLab } from '../../realms/test-lab';
import { inProcessFetch } from '../../server-router';
import { MemoryStore } from '../../store/memory-store';
import { plantableCallback } from './plant';

beforeEach(() => setServerStore(new MemoryStore()));
// A lab realm makes its keys on first use: slow on a loaded machine.
const SLOW = { timeout: 60_000 };
const at = (path: string, init?: RequestInit) => inProcessFetch(`${LAB_ORIGIN}${path}`, init);
const put = (id: string, body: string, type = 'application/json') =>
  at(`/attacker/${id}/plant`, { method: 'PUT', headers: { 'content-type': type }, body });

describe('Mallory’s login-CSRF page (/attacker/{realm}/plant)', () => {
  it('links to the callback she planted, escaped, under a CSP that runs only the theme script; the visit is recorded', SLOW, async () => {
    const lab = await createLab();
    expect((await put(lab.id, JSON.stringify({ callback: '/flows/callback?code=c"1&state=s<2' }))).status).toBe(204);
    const page = await at(`/attacker/${lab.id}/plant`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // No script of her own: the only one is the theme script (page-shell.ts), pinned by its hash.
    expect([...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])).toEqual([FOLLOW_THEME_SCRIPT]);
    const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(page.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src ${sha(FOLLOW_THEME_SCRIPT)}; style-src ${sha(style)}; base-uri 'none'; form-action 'none'`,
    );
    expect(html).toContain('<a href="/flows/callback?code=c%221&#38;state=s%3C2">Claim your prize</a>');
    const { records } = await (await at(`/attacker/${lab.id}/log`)).json();
    expect(records).toMatchObject([{ method: 'GET', path: '/plant' }]);
  });

  it('says nothing is planted before she plants, and plants only per realm', async () => {
    const [a, b] = [await createLab(), await createLab()];
    await put(a.id, JSON.stringify({ callback: '/flows/callback?code=x' }));
    expect(await (await at(`/attacker/${b.id}/plant`)).text()).toContain('Nothing planted yet.');
  });

  it.each([
    ['another site', JSON.stringify({ callback: 'https://evil.example/flows/callback?code=x' })],
    ['a protocol-relative URL', JSON.stringify({ callback: '//evil.example/flows/callback?code=x' })],
    ['another path', JSON.stringify({ callback: '/attacks?x=1' })],
    ['a dot-segment escape', JSON.stringify({ callback: '/flows/callback/../../api/realms?x' })],
    ['no query', JSON.stringify({ callback: '/flows/callback' })],
    ['not a string', JSON.stringify({ callback: 42 })],
    ['a huge URL', JSON.stringify({ callback: `/flows/callback?code=${'x'.repeat(5000)}` })],
    ['not JSON', '{'],
    ['JSON null', 'null'],
  ])('refuses %s with a 400 invalid_request', async (_what, body) => {
    const lab = await createLab();
    const answer = await put(lab.id, body);
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toBe('invalid_request');
  });

  it('refuses a wrong content type, a body over 16 KB and other methods', async () => {
    const lab = await createLab();
    expect((await put(lab.id, 'callback=/flows/callback?x', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await put(lab.id, JSON.stringify({ callback: 'x'.repeat(17_000) }))).status).toBe(413);
    const del = await at(`/attacker/${lab.id}/plant`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD, PUT');
  });

  it('plantableCallback keeps only a path and query on this origin’s /flows/callback', () => {
    expect(plantableCallback('/flows/callback?code=a&state=b', LAB_ORIGIN)).toBe('/flows/callback?code=a&state=b');
    expect(plantableCallback('/flows/callback?code=a#frag', LAB_ORIGIN)).toBeUndefined();
  });
});
