import { describe, expect, it } from 'vitest';

import { FILL_SCRIPT, html, raw } from './html';
import { errorPage } from './layout';

describe('AS page template', () => {
  it('escapes every interpolated value but not raw HTML', () => {
    const out = html`<p title="${'"><script>'}">${"<img src=x onerror='1'>"}${raw('<b>ok</b>')}</p>`.__html;
    expect(out).toBe('<p title="&#34;&#62;&#60;script&#62;">&#60;img src=x onerror=&#39;1&#39;&#62;<b>ok</b></p>');
  });

  it('sends anti-framing and no-store headers on every page (RFC 9700 §4.16)', async () => {
    const res = errorPage('Oops', '<script>');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toMatch(/^frame-ancestors 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; object-src 'none'; base-uri 'none'$/);
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
