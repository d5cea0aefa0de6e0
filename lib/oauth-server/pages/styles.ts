/**
 * The frame of every AS page. Deliberately unlike the Flowlab app (own header, serif font, parchment
 * page, no site navigation) so a learner sees that the browser has left the client for the identity
 * provider; its accent is the AS's party colour (app/globals.css `--party-as`, as in the diagram).
 * Light and dark, like the app: the `dark` class on <html> is set by FOLLOW_THEME_SCRIPT (lib/theme/theme.ts)
 * from the learner's stored choice or the OS setting. Inline in every page and allowed by its hash in
 * the CSP (html.ts): change it freely, the hash follows.
 */

/** One theme's colours. Every text pair is ≥ 4.5:1 and every control border ≥ 3:1 (WCAG 1.4.3, 1.4.11): styles.test.ts. */
export interface AsPalette {
  /** Page background, and the text on it (the footer's muted text too). */
  page: string;
  text: string;
  muted: string;
  /** The card the form sits on, its border, and a form field's border. */
  card: string;
  border: string;
  field: string;
  /** The AS's party colour: the header band, the primary button, links and focus; `onAccent` is text on it. */
  accent: string;
  onAccent: string;
  /** The demo-accounts hint box. */
  hint: string;
  errorBg: string;
  errorBorder: string;
  errorText: string;
  warningBg: string;
  warningBorder: string;
  warningText: string;
}

export const AS_LIGHT: AsPalette = {
  page: '#f3efe6',
  text: '#1f1a14',
  muted: '#5a5148',
  card: '#ffffff',
  border: '#d8cfbf',
  field: '#6b6257',
  accent: '#047857',
  onAccent: '#ffffff',
  hint: '#ecfdf5',
  errorBg: '#fde8e8',
  errorBorder: '#b42318',
  errorText: '#7a1a12',
  warningBg: '#fff7e0',
  warningBorder: '#8a5a00',
  warningText: '#4a3000',
};

export const AS_DARK: AsPalette = {
  page: '#17140f',
  text: '#f3efe6',
  muted: '#c9bfb0',
  card: '#231f19',
  border: '#4a4238',
  field: '#a39784',
  accent: '#6ee7b7',
  onAccent: '#022c22',
  hint: '#0f2a22',
  errorBg: '#3d1512',
  errorBorder: '#f87171',
  errorText: '#fecaca',
  warningBg: '#3a2a06',
  warningBorder: '#fbbf24',
  warningText: '#fde68a',
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const variables = (p: AsPalette) =>
  Object.entries(p)
    .map(([name, value]) => `--as-${kebab(name)}:${value}`)
    .join(';');

export const PAGE_CSS = `
:root{color-scheme:light;${variables(AS_LIGHT)}}
:root.dark{color-scheme:dark;${variables(AS_DARK)}}
body{margin:0;font-family:Georgia,'Times New Roman',serif;background:var(--as-page);color:var(--as-text)}
header{background:var(--as-accent);color:var(--as-on-accent);padding:14px 24px;font-size:1.15rem;letter-spacing:.02em}
header strong{font-weight:700}
main{max-width:440px;margin:40px auto;background:var(--as-card);border:1px solid var(--as-border);border-radius:6px;padding:28px 32px}
main:focus{outline:none}
h1{font-size:1.4rem;margin-top:0}
h1:focus{outline:none}
label{display:block;margin:14px 0 4px;font-weight:700}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:9px;border:1px solid var(--as-field);border-radius:4px;font-size:1rem;background:var(--as-card);color:var(--as-text)}
button{margin-top:18px;padding:9px 20px;font-size:1rem;font-family:inherit;border-radius:4px;border:1px solid var(--as-accent);cursor:pointer}
.primary{background:var(--as-accent);color:var(--as-on-accent)}.secondary{background:var(--as-card);color:var(--as-accent)}
:focus-visible{outline:2px solid var(--as-accent);outline-offset:2px}
.error{background:var(--as-error-bg);border:1px solid var(--as-error-border);color:var(--as-error-text);padding:10px;border-radius:4px}
.hint{margin-top:24px;background:var(--as-hint);border:1px dashed var(--as-accent);padding:10px;border-radius:4px;font-size:.95rem}
.hint p{margin:0}
.warning{background:var(--as-warning-bg);border:1px solid var(--as-warning-border);color:var(--as-warning-text);padding:10px;border-radius:4px}
.user-code{font-family:ui-monospace,monospace;font-size:1.3rem;letter-spacing:.08em}
.hint button{margin:8px 8px 0 0;padding:5px 12px;font-size:.9rem;background:var(--as-card);color:var(--as-accent)}
.skip{position:absolute;left:8px;top:-100px;padding:8px 12px;background:var(--as-card);color:var(--as-accent);border:2px solid var(--as-accent);border-radius:4px}
.skip:focus{top:8px}
footer{text-align:center;color:var(--as-muted);font-size:.85rem}
code{font-family:ui-monospace,monospace}
`;
