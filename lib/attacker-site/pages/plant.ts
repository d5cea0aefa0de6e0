import { readLimitedText } from '../../http/read-limited';
import { OAuthError, invalidRequest } from '../../oauth-server/errors';
import { escapeHtml } from '../../oauth-server/pages/html';
import type { Realm } from '../../realms/types';
import { appendRecord } from '../log';
import { attackerPage } from '../page-shell';

/**
 * Mallory's login-CSRF page (RFC 9700 §4.7, RFC 6749 §10.12): she stores the authorization
 * response of her OWN sign-in — her code and her state on the client's callback — and her page
 * offers Alice a link that takes Alice's browser there, so Alice's client receives Mallory's code.
 *
 * - `PUT /attacker/{realm}/plant` with JSON `{ "callback": "/flows/callback?code=…&state=…" }` → 204
 * - `GET /attacker/{realm}/plant` → recorded, answered with her page (the link, or "nothing planted yet")
 *
 * Only a path on this origin's client callback is accepted: her page never links anywhere else.
 */
export const PLANT_KEY = 'attacker-plant:current';
const MAX_BODY = 16 * 1024;
const MAX_URL = 4096;
const CALLBACK_PATH = '/flows/callback';

export async function plantRoute(request: Request, realm: Realm, method: string): Promise<Response> {
  if (method === 'PUT') return store(request, realm);
  if (method !== 'GET' && method !== 'HEAD')
    throw new OAuthError('invalid_request', 'Use PUT to plant a callback URL, GET to see Mallory’s page.', 405, {
      Allow: 'GET, HEAD, PUT',
    });
  const referer = request.headers.get('referer')?.slice(0, 2048) ?? undefined;
  await appendRecord(realm.store, {
    at: realm.clock.nowSeconds(),
    kind: 'request',
    method,
    path: '/plant',
    query: {},
    fields: {},
    ...(referer ? { referer } : {}),
  });
  return page(realm, await realm.store.get<string>(PLANT_KEY));
}

/** The callback path she may plant: this origin's `/flows/callback` with a query, nothing else. */
export function plantableCallback(value: unknown, origin: string): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL || !value.startsWith(`${CALLBACK_PATH}?`)) return undefined;
  try {
    const url = new URL(value, origin);
    return url.origin === origin && url.pathname === CALLBACK_PATH && !url.hash ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

async function store(request: Request, realm: Realm): Promise<Response> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw invalidRequest('Send JSON: { "callback": "/flows/callback?code=…&state=…" }.');
  const text = await readLimitedText(request, MAX_BODY, {
    tooLarge: () => new OAuthError('invalid_request', 'The body is larger than 16 KB.', 413),
    notUtf8: () => invalidRequest('The body is not valid UTF-8.'),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest('The body is not valid JSON.');
  }
  const callback = plantableCallback((parsed as { callback?: unknown } | null)?.callback, realm.origin);
  if (!callback)
    throw invalidRequest(`"callback" must be a path on this site's ${CALLBACK_PATH}, with a query, at most ${MAX_URL} characters.`);
  await realm.store.set(PLANT_KEY, callback, 3600);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

function page(realm: Realm, callback: string | undefined): Response {
  const offer = callback
    ? `<p>You have won a photo frame! Sign in to the photo gallery to claim it.</p><p><a href="${escapeHtml(callback)}">Claim your prize</a></p>`
    : '<p>Nothing planted yet.</p>';
  return attackerPage({
    title: 'Mallory’s site',
    body:
      `<h1>Mallory’s site</h1>${offer}<p class="lab">Everything sent here is recorded in the attacker log of lab realm ` +
      `<code>${escapeHtml(realm.id)}</code>.</p><p><a href="/attacks/missing-state">Back to the lab</a></p>`,
  });
}
