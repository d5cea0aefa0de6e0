import { FOLLOW_THEME_SCRIPT } from '../../theme/theme';
import { appendAll, html, PAGE_HEADERS, raw, type Raw } from './html';
import { PAGE_CSS } from './styles';

/**
 * The frame of every AS page: its own header and footer around `body`, styled by styles.ts, in the learner's
 * theme (the script runs in <head>, before the body is painted), with a skip link to the content.
 */
export function page(title: string, body: Raw, status = 200, headers: Record<string, string | string[]> = {}): Response {
  const doc = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} – Demo Identity Provider</title><style>${raw(PAGE_CSS)}</style><script>${raw(FOLLOW_THEME_SCRIPT)}</script></head>
<body><a class="skip" href="#main">Skip to main content</a><header><strong>Demo Identity Provider</strong> · authorization server</header>
<main id="main" tabindex="-1">${body}</main>
<footer><p>This page is served by the authorization server, not by the app.</p></footer>
</body></html>`;
  const h = new Headers(PAGE_HEADERS);
  appendAll(h, headers);
  return new Response(doc.__html, { status, headers: h });
}

export function errorPage(title: string, message: string, status = 400, headers: Record<string, string | string[]> = {}): Response {
  return page(title, html`<h1>${title}</h1><p class="error" role="alert">${message}</p>`, status, headers);
}
