/**
 * A minimal browser for tests: follows the AS's HTML login and consent forms with real HTTP
 * (cookies kept per path-less jar, redirects not followed so each hop can be checked).
 * It reads forms with regular expressions, which is enough for the AS's own small, fixed pages.
 */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly fetchImpl: (input: string, init?: RequestInit) => Promise<Response> = fetch) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.fetchImpl(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  /** Submits the page's POST form whose action ends with `actionSuffix`, with its hidden fields plus `fields`. */
  async submit(pageUrl: string, html: string, actionSuffix: string, fields: Record<string, string>): Promise<Response> {
    const form = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)].find((m) => m[1].endsWith(actionSuffix));
    if (!form) throw new Error(`no POST form for …${actionSuffix} on ${pageUrl}:\n${html.slice(0, 500)}`);
    const body = new URLSearchParams();
    for (const input of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
      body.set(input[1], decodeEntities(input[2]));
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const action = new URL(decodeEntities(form[1]), pageUrl);
    return this.request(action.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: action.origin },
      body,
    });
  }
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _,
  );
}

/**
 * The code flow's front channel as a user clicks it: authorize → login form → consent (Allow) →
 * the redirect back to the client. Returns the callback URL the AS redirected to.
 */
export async function signInAndAllow(browser: FormBrowser, authorizationUrl: URL, username: string, password: string): Promise<URL> {
  let response = await browser.request(authorizationUrl.href);
  let url = authorizationUrl.href;
  for (let hop = 0; hop < 8; hop++) {
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location')!, url);
      if (location.origin !== authorizationUrl.origin || !location.pathname.startsWith('/as/')) return location;
      url = location.href;
      response = await browser.request(url);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 300)}`);
    if (html.includes('name="password"')) response = await browser.submit(url, html, '/login', { username, password });
    else if (html.includes('value="allow"')) response = await browser.submit(url, html, '/consent', { decision: 'allow' });
    else throw new Error(`unexpected page at ${url}: ${html.slice(0, 300)}`);
  }
  throw new Error('too many hops in the front channel');
}
