import { describe, expect, it } from 'vitest';

import { FILL_SCRIPT, html, raw } from './html';
import { errorPage } from './layout';
import { loginPage } from './login';
import { testRealm } from '../test-fixtures/realm';

const CSP =
  /^default-src 'none'; frame-ancestors 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'$/;

describe('AS page template', () => {
  it('escapes every interpolated value but not raw HTML', () => {
    const out = html`<p title="${'"><script>'}">${"<img src=x onerror='1'>"}${raw('<b>ok</b>')}</p>`.__html;
    expect(out).toBe('<p title="&#34;&#62;&#60;script&#62;">&#60;img src=x onerror=&#39;1&#39;&#62;<b>ok</b></p>');
  });

  it('sends anti-framing and no-store headers on every page (RFC 9700 §4.16)', async () => {
    const res = errorPage('Oops', '<script>');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(CSP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('&#60;script&#62;');
  });
});

describe('the fill script', () => {
  it('is the only script the AS pages allow, pinned by its SHA-256 in the CSP', async () => {
    const { createHash } = await import('node:crypto');
    const res = errorPage('Oops', 'x');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(FILL_SCRIPT).digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('the page CSP (default-src none)', () => {
  it('allows exactly the inline style and script of a page by their hashes, and posts forms only to the AS itself', async () => {
    const { createHash } = await import('node:crypto');
    const res = loginPage(await testRealm(), 'p'.repeat(43), 'Photo Gallery');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(CSP);
    const body = await res.text();
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(body)![1];
    const script = /<script>([\s\S]*?)<\/script>/.exec(body)![1];
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).toContain('<form method="post" action="/as/demo/login">');
  });
});
