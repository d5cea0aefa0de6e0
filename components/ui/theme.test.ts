// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDark, parseTheme, THEME_KEY, THEME_SCRIPT, THEMES, type Theme } from './theme';

function runScript(stored: string | null, prefersDark: boolean): boolean {
  if (stored === null) localStorage.removeItem(THEME_KEY);
  else localStorage.setItem(THEME_KEY, stored);
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && prefersDark }));
  document.documentElement.classList.remove('dark');
  new Function(THEME_SCRIPT)();
  return document.documentElement.classList.contains('dark');
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('theme', () => {
  it('reads anything but a known theme as system', () => {
    expect(THEMES.map(parseTheme)).toEqual(['system', 'light', 'dark']);
    for (const junk of [null, undefined, '', 'DARK', 'dark ', '<script>', 42, {}]) expect(parseTheme(junk)).toBe('system');
  });

  it('is dark when chosen, or when the system prefers it and nothing else was chosen', () => {
    const table: [Theme, boolean, boolean][] = [
      ['system', false, false],
      ['system', true, true],
      ['light', true, false],
      ['light', false, false],
      ['dark', false, true],
      ['dark', true, true],
    ];
    for (const [theme, prefers, dark] of table) expect(isDark(theme, prefers), `${theme}, prefers dark: ${prefers}`).toBe(dark);
  });

  it('the pre-paint script decides as isDark(parseTheme(stored)) does, for every stored value', () => {
    for (const stored of [null, 'system', 'light', 'dark', 'junk']) {
      for (const prefers of [false, true])
        expect(runScript(stored, prefers), `${stored}, prefers dark: ${prefers}`).toBe(isDark(parseTheme(stored), prefers));
    }
  });

  it('the pre-paint script leaves the page light when storage throws (blocked cookies)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    document.documentElement.classList.remove('dark');
    expect(() => new Function(THEME_SCRIPT)()).not.toThrow();
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    vi.restoreAllMocks();
  });
});
