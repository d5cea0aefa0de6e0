import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FOLLOW_THEME_SCRIPT } from '../theme/theme';
import { attackerPage, DECOY, PALETTE } from './page-shell';

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const sha = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;

describe('the look of Mallory’s site', () => {
  it.each(Object.entries(PALETTE))(
    'reads at WCAG AA (4.5:1) in the %s theme: text, headings and links on the page and on the note',
    (_, p) => {
      for (const [fg, bg] of [
        [p.fg, p.bg],
        [p.accent, p.bg],
        [p.fg, p.note],
        [p.accent, p.note],
        [p.bannerFg, p.bannerBg],
      ])
        expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('draws the decoy button at 4.5:1 or more', () => {
    expect(contrast(DECOY.fg, DECOY.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('runs only the theme script and the page’s own, and only its own style, each pinned by hash', async () => {
    const res = attackerPage({ title: 'T', body: '<h1>T</h1>', script: 'void 0;', style: 'p{}', csp: ["connect-src 'self'"] });
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([FOLLOW_THEME_SCRIPT, 'void 0;']);
    // The theme is set in <head>, before the body is drawn.
    expect(html.indexOf(FOLLOW_THEME_SCRIPT)).toBeLessThan(html.indexOf('<body>'));
    expect(csp).toContain(`script-src ${scripts.map(sha).join(' ')};`);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    expect(styles[0].endsWith('p{}')).toBe(true);
    expect(csp).toContain(`style-src ${sha(styles[0])};`);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
  });

  it('without a page script, allows the theme script alone', async () => {
    const res = attackerPage({ title: 'T', body: '' });
    expect(res.headers.get('content-security-policy')).toContain(`script-src ${sha(FOLLOW_THEME_SCRIPT)};`);
    expect([...(await res.text()).matchAll(/<script>/g)]).toHaveLength(1);
  });
});
