/**
 * A tiny HTML template for the AS's own pages. Every interpolated value is escaped, so
 * attacker-controlled `state`, `client_id` or `scope` text is inert (RFC 9700 §4.16 covers
 * framing; escaping covers injection). `raw()` marks already-built HTML.
 */
export interface Raw {
  readonly __html: string;
}

export const raw = (html: string): Raw => ({ __html: html });

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && '__html' in value) return (value as Raw).__html;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return raw(out);
}

import { createHash } from 'node:crypto';

import { FOLLOW_THEME_SCRIPT } from '../../theme/theme';
import { PAGE_CSS } from './styles';

/**
 * The only script an AS page runs: "Fill" buttons on the demo login page copy a listed demo
 * account into the form. Allowed by its hash, so no other inline or injected script can run.
 */
export const FILL_SCRIPT =
  "document.querySelectorAll('button[data-fill-user]').forEach(function(b){b.addEventListener('click',function(){" +
  "document.getElementById('username').value=b.getAttribute('data-fill-user');" +
  "document.getElementById('password').value=b.getAttribute('data-fill-password');" +
  "document.getElementById('password').focus();});});";

const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Headers of every AS page: no framing (RFC 9700 §4.16, clickjacking), no caching of pages
 * that carry a pending request or a signed-in state. The CSP allows nothing by default; then
 * only the page's own inline style, the theme script and the fill script, by hash, the browser's favicon request,
 * and form posts to this origin alone (`form-action 'self'`, which the browser also applies to
 * the 303s after a post: every demo redirect URI is `{origin}/flows/callback`, on this origin), so
 * injected markup can neither run, load anything, nor post a form (say, a password) elsewhere.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html;charset=UTF-8',
  'Content-Security-Policy': [
    "default-src 'none'",
    "frame-ancestors 'none'",
    `script-src ${sha256Source(FOLLOW_THEME_SCRIPT)} ${sha256Source(FILL_SCRIPT)}`,
    `style-src ${sha256Source(PAGE_CSS)}`,
    "img-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; '),
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

/** A 303 See Other (RFC 9700 §4.12: never 307 after a POST carrying credentials). */
export function seeOther(location: string, headers: Record<string, string | string[]> = {}): Response {
  const h = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  appendAll(h, headers);
  return new Response(null, { status: 303, headers: h });
}

export function appendAll(h: Headers, headers: Record<string, string | string[]>): void {
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) h.append(name, v);
  }
}
