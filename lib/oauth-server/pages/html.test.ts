import { describe, expect, it } from 'vitest';

import { html, raw } from './html';
import { errorPage } from './layout';

describe('AS page template', () => {
  it('escapes every interpolated value but not raw HTML', () => {
    const out = html`<p title="${'"><script>'}">${"<img src=x onerror='1'>"}${raw('<b>ok</b>')}</p>`.__html;
    expect(out).toBe('<p title="&#34;&#62;&#60;script&#62;">&#60;img src=x onerror=&#39;1&#39;&#62;<b>ok</b></p>');
  });

  it('sends anti-framing and no-store headers on every page (RFC 9700 §4.16)', async () => {
    const res = errorPage('Oops', '<script>');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('&#60;script&#62;');
  });
});
