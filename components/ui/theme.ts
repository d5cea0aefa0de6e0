/**
 * The colour theme: `system` follows `prefers-color-scheme`, `light` and `dark` are the learner's choice,
 * remembered in localStorage. The `dark` class on <html> switches the palette (app/globals.css).
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_KEY = 'flowlab:theme';

/** A stored value read back: anything but a known theme (absent, edited by hand, hostile) is `system`. */
export function parseTheme(value: unknown): Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value) ? (value as Theme) : 'system';
}

/** Whether a theme shows dark, given whether the OS prefers dark. */
export function isDark(theme: Theme, systemPrefersDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemPrefersDark);
}

/** Puts a theme on the document: the class the palette keys on. */
export function applyTheme(root: HTMLElement, dark: boolean): void {
  root.classList.toggle('dark', dark);
}

/**
 * Runs in <head> before the body is parsed, so a dark page never flashes light (no CSP on the site's pages
 * restricts inline scripts: next.config.ts sets only `frame-ancestors`). It repeats parseTheme and isDark in
 * ES5 because it cannot import them; theme.test.ts runs it against both.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});\
var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);\
document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;
