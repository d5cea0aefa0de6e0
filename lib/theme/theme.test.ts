// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_THEME_SCRIPT, isDark, parseTheme, THEME_KEY, THEME_SCRIPT, THEMES, type Theme } from './theme';

/** A matchMedia whose dark preference the test flips; `fire()` tells the listeners, as the browser does on an OS switch. */
function fakeMedia(prefersDark: boolean) {
  const listeners: (() => void)[] = [];
  const media = {
    prefersDark,
    fire: () => listeners.forEach((l) => l()),
  };
  vi.stubGlobal('matchMedia', (q: string) => ({
    get matches() {
      return q === '(prefers-color-scheme: dark)' && media.prefersDark;
    },
    addEventListener: (_: string, l: () => void) => listeners.push(l),
  }));
  return media;
}

function runScript(script: string, stored: string | null, prefersDark: boolean): boolean {
  if (stored === null) localStorage.removeItem(THEME_KEY);
  else localStorage.setItem(THEME_KEY, stored);
  fakeMedia(prefersDark);
  document.documentElement.classList.remove('dark');
  new Function(script)();
  return dark();
}

const dark = () => document.documentElement.classList.contains('dark');

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

  for (const [name, script] of [
    ['the pre-paint script', THEME_SCRIPT],
    ['the AS pages’ script', FOLLOW_THEME_SCRIPT],
  ] as const) {
    it(`${name} decides as isDark(parseTheme(stored)) does, for every stored value`, () => {
      for (const stored of [null, 'system', 'light', 'dark', 'junk']) {
        for (const prefers of [false, true])
          expect(runScript(script, stored, prefers), `${stored}, prefers dark: ${prefers}`).toBe(isDark(parseTheme(stored), prefers));
      }
    });

    it(`${name} leaves the page light when storage throws (blocked cookies)`, () => {
      vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
        throw new DOMException('denied', 'SecurityError');
      });
      fakeMedia(true);
      document.documentElement.classList.remove('dark');
      expect(() => new Function(script)()).not.toThrow();
      expect(dark()).toBe(false);
      vi.restoreAllMocks();
    });
  }

  it('the AS pages’ script follows an OS switch while nothing is chosen, and not once a theme is chosen', () => {
    localStorage.removeItem(THEME_KEY);
    const media = fakeMedia(false);
    document.documentElement.classList.remove('dark');
    new Function(FOLLOW_THEME_SCRIPT)();
    expect(dark()).toBe(false);
    media.prefersDark = true;
    media.fire();
    expect(dark()).toBe(true);
    localStorage.setItem(THEME_KEY, 'light');
    media.fire();
    expect(dark()).toBe(false);
  });

  it('the AS pages’ script follows a choice made in another tab (the storage event)', () => {
    localStorage.removeItem(THEME_KEY);
    fakeMedia(false);
    document.documentElement.classList.remove('dark');
    new Function(FOLLOW_THEME_SCRIPT)();
    expect(dark()).toBe(false);
    localStorage.setItem(THEME_KEY, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY, newValue: 'dark' }));
    expect(dark()).toBe(true);
  });
});
