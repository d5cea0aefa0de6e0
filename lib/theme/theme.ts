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
 * `isDark(parseTheme(stored), prefersDark)` in ES5, as a function expression: the inline scripts below cannot
 * import, so theme.test.ts runs them against both. Storage that throws (blocked cookies) reads as light.
 */
const DECIDE = `function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});\
return t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches)}catch(e){return false}}`;

/**
 * Runs in <head> before the body is parsed, so a dark page never flashes light (no CSP on the site's pages
 * restricts inline scripts: next.config.ts sets only `frame-ancestors`). Afterwards the header's ThemeToggle
 * keeps the page in step (an OS switch, another tab's choice).
 */
export const THEME_SCRIPT = `(function(){document.documentElement.classList.toggle('dark',(${DECIDE})())})()`;

/**
 * The same decision for the authorization server's pages, which have no ThemeToggle: applied before the body
 * is parsed, then again when the OS switches or another tab changes the choice. The AS is on the app's
 * origin, so it reads the learner's stored choice; its CSP allows this script by its hash (lib/oauth-server/pages/html.ts).
 */
export const FOLLOW_THEME_SCRIPT = `(function(){var d=${DECIDE};\
function a(){document.documentElement.classList.toggle('dark',d())}a();\
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change',a);\
window.addEventListener('storage',a)})()`;
