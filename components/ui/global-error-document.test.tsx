import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT } from '@/lib/theme/theme';
import { GlobalErrorDocument } from './global-error-document';
import { NAV } from './nav-links';

const markup = (digest?: string) => renderToStaticMarkup(<GlobalErrorDocument digest={digest} reset={() => {}} />);

describe('the page shown when the root layout fails', () => {
  it('is a whole document that sets the theme before its body is drawn', () => {
    const html = markup();
    expect(html).toMatch(/^<html lang="en"><head>/);
    expect(html).toContain(`<script>${THEME_SCRIPT}</script>`);
    expect(html.indexOf(THEME_SCRIPT)).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
  });

  it('carries the way back: a skip link, home and every section of the navigation, as full page loads', () => {
    const html = markup();
    expect(html).toContain('<a href="#main"');
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(expect.arrayContaining(['/', ...NAV.map((n) => n.href)]));
    expect(html).toContain('<nav aria-label="Main">');
    expect(html).toContain('<main id="main" tabindex="-1"');
  });

  it('shows the digest for the server log, and nothing else about the error', () => {
    expect(markup('1234567')).toContain('<code class="font-mono">1234567</code>');
    expect(markup()).not.toContain('Reference for the server log');
  });
});
