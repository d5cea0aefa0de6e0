import { describe, expect, it } from 'vitest';

import { FOLLOW_THEME_SCRIPT } from '../../theme/theme';
import { FILL_SCRIPT, html, raw } from './html';
import { errorPage } from './layout';
import { loginPage } from './login';
import { testRealm } from '../test-fixtures/realm';

const CSP =
  /^default-src 'none'; frame-ancestors 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'$/;

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

describe('the page scripts', () => {
  it('the theme script and the fill script are the only scripts the AS pages allow, pinned by their SHA-256 in the CSP', async () => {
    const { createHash } = await import('node:crypto');
    const res = errorPage('Oops', 'x');
    const csp = res.headers.get('content-security-policy') ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(/script-src ([^;]+)/.exec(csp)?.[1]).toBe(`${hash(FOLLOW_THEME_SCRIPT)} ${hash(FILL_SCRIPT)}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('every AS page runs the theme script in <head>, before the body is painted, and opens with a skip link to the content', async () => {
    const body = await errorPage('Oops', 'x').text();
    const head = body.slice(0, body.indexOf('</head>'));
    expect(head).toContain(`<script>${FOLLOW_THEME_SCRIPT}</script>`);
    expect(body).toMatch(/<body><a class="skip" href="#main">Skip to main content<\/a>/);
    expect(body).toContain('<main id="main" tabindex="-1">');
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
    const scripts = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${scripts.join(' ')}`);
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).toContain('<form method="post" action="/as/demo/login">');
  });
});
