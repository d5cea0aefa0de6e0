import { createHash } from 'node:crypto';
import { FOLLOW_THEME_SCRIPT } from '../theme/theme';

/**
 * The look of every page of Mallory's site (her landing page, the login-CSRF page, the clickjacking page): a
 * different, hostile site (a serif face, a hazard stripe, a loud prize banner, warm colours) so a learner sees at a
 * glance that the browser has left the app, yet readable: every text colour is at least 4.5:1 on its background
 * (WCAG 1.4.3 AA), in both themes, and nothing is wider than a 320 px window (long realm ids break).
 *
 * Her site is served on the app's origin (DESIGN.md), so it follows the learner's theme as the AS pages do
 * (FOLLOW_THEME_SCRIPT: the stored choice, else the OS). Style and scripts are allowed by their hashes alone.
 *
 * The colour pairs that carry text are checked for 4.5:1 in page-shell.test.ts.
 */
export const PALETTE = {
  light: {
    bg: '#fffbeb',
    fg: '#1c1917',
    accent: '#9f1239',
    note: '#ffffff',
    line: '#a8a29e',
    stage: '#fde68a',
    bannerBg: '#881337',
    bannerFg: '#fffbeb',
  },
  dark: {
    bg: '#1c0a10',
    fg: '#fde8ec',
    accent: '#fda4af',
    note: '#2a1019',
    line: '#9f7a84',
    stage: '#422006',
    bannerBg: '#fda4af',
    bannerFg: '#1c0a10',
  },
} as const;
/** Her decoy button (the clickjacking page): white on red in both themes. */
export const DECOY = { bg: '#b91c1c', fg: '#ffffff' } as const;

const vars = (p: (typeof PALETTE)[keyof typeof PALETTE]) =>
  `--bg:${p.bg};--fg:${p.fg};--accent:${p.accent};--note:${p.note};--line:${p.line};--stage:${p.stage};--banner-bg:${p.bannerBg};--banner-fg:${p.bannerFg}`;

const STYLE = [
  `:root{color-scheme:light;${vars(PALETTE.light)}}`,
  `:root.dark{color-scheme:dark;${vars(PALETTE.dark)}}`,
  'html{background:var(--bg);color:var(--fg)}',
  "body{margin:0;font-family:Georgia,'Times New Roman','Liberation Serif',serif;line-height:1.5;overflow-wrap:anywhere}",
  // The hazard stripe: decoration, so it carries no text.
  'body::before{content:"";display:block;height:.5rem;background:repeating-linear-gradient(135deg,#facc15 0 .75rem,#1c1917 .75rem 1.5rem)}',
  '.banner{background:var(--banner-bg);color:var(--banner-fg);padding:.5rem 1rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;font-size:.85rem}',
  'main{max-width:34rem;margin:0 auto;padding:1rem}',
  'h1{color:var(--accent);font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}',
  'a{color:var(--accent);font-weight:700;text-decoration:underline}',
  'a:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}',
  '.lab{background:var(--note);border:1px dashed var(--line);border-radius:.5rem;padding:.5rem .75rem;font-family:system-ui,sans-serif;font-size:.9rem}',
  'code{font-family:ui-monospace,monospace;font-size:.9em}',
].join('');

/** One page of her site: what it may run and show. `body` is already-escaped HTML. */
export interface AttackerPageParts {
  title: string;
  body: string;
  /** The page's own script, run at the end of <body>. */
  script?: string;
  /** Extra CSS for this page (the clickjacking stage). */
  style?: string;
  /** CSP directives besides the defaults (say, `frame-src 'self'`). */
  csp?: string[];
}

export const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page and its headers: `default-src 'none'`, only its own hashed style and scripts, no forms, no base, no referrer. */
export function attackerPage({ title, body, script, style = '', csp = [] }: AttackerPageParts): Response {
  const css = STYLE + style;
  const scripts = [FOLLOW_THEME_SCRIPT, ...(script ? [script] : [])];
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${title}</title><script>${FOLLOW_THEME_SCRIPT}</script><style>${css}</style></head><body>` +
    `<header class="banner">Mallory’s prize corner · free gifts, no questions asked</header><main>${body}</main>` +
    `${script ? `<script>${script}</script>` : ''}</body></html>`;
  return new Response(html, {
    status: 200,
    headers: {
      'Content-Type': 'text/html;charset=UTF-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src ${scripts.map(sha256Source).join(' ')}`,
        `style-src ${sha256Source(css)}`,
        ...csp,
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
      'Referrer-Policy': 'no-referrer',
    },
  });
}
