import { OAuthError, invalidRequest, withOAuthErrors } from '../oauth-server/errors';
import { jsonResponse } from '../oauth-server/http';
import { realmJwks } from '../oauth-server/jwks';
import { readForm } from '../oauth-server/read-form';
import { randomId } from '../oauth-server/session';
import { labRealmOf, parseLabBackendPath } from '../realms/lab-backend-path';
import type { Realm } from '../realms/types';
import { rsRoutes } from '../resource-server/routes';

/**
 * The legacy implicit app's (`legacy-spa`) own backend, `/lab-client/{realm}/…`, lab realms only. Its
 * page takes the access token from the callback URL's fragment and "logs the user in" by posting it
 * here; the backend asks the resource server whose token it is (`GET /profile`, in-process: it fetches
 * no URL a user supplied) and starts a session for that user. Before that, the realm's
 * `client.token-audience` point decides whether the tokens were issued to this app at all
 * (lib/lab-client/token-audience.ts): hardened, only an ID token for `legacy-spa` signs anyone in;
 * with `client-accepts-any-token`, any access token does (RFC 6749 §10.16, RFC 9700 §4.6).
 *
 * - `POST /lab-client/{realm}/session` (form: `access_token`, optional `id_token`) →
 *   `200 { "signed_in": true, "sub", "name", "checks" }` + an `HttpOnly` session cookie;
 *   `401 { "error": "invalid_token", "error_description", "checks" }` when the tokens do not sign anyone in;
 *   `400 invalid_request` for a missing, malformed or oversized token.
 */
export const LEGACY_CLIENT_ID = 'legacy-spa';
export const LEGACY_COOKIE = 'legacy_spa_session';
const SESSION_TTL = 600;
const MAX_BODY = 16 * 1024;
/** RFC 6750 §2.1 b64token: what a bearer token may be made of. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** RFC 7515 §7.1: a compact JWS, three base64url parts. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN = 8192;

export const handleLabClient = withOAuthErrors(async (request: Request): Promise<Response> => {
  const { id, route } = parseLabBackendPath(request, 'lab-client');
  if (route !== 'session') throw new OAuthError('invalid_request', 'Not found.', 404);
  if (request.method.toUpperCase() !== 'POST') throw new OAuthError('invalid_request', 'Use POST.', 405, { Allow: 'POST' });
  return signIn(request, await labRealmOf(id, request, 'The legacy app’s backend'));
});

function readToken(form: Map<string, string>, name: string, shape: RegExp, what: string): string | undefined {
  const value = form.get(name);
  if (value === undefined || value === '') return undefined;
  if (value.length > MAX_TOKEN) throw invalidRequest(`${name} is longer than ${MAX_TOKEN} characters: no token of this AS is.`);
  if (!shape.test(value)) throw invalidRequest(`${name} is not ${what}.`);
  return value;
}

async function signIn(request: Request, realm: Realm): Promise<Response> {
  const form = await readForm(request, MAX_BODY);
  const accessToken = readToken(form, 'access_token', B64TOKEN, 'a bearer token (RFC 6750 §2.1)');
  if (!accessToken) throw invalidRequest('Send the access_token from the callback URL’s fragment, as a form.');
  const idToken = readToken(form, 'id_token', COMPACT_JWS, 'a compact JWS (RFC 7515 §7.1)');

  const verdict = await realm.points['client.token-audience'](
    { accessToken, ...(idToken ? { idToken } : {}) },
    { clientId: LEGACY_CLIENT_ID, issuer: realm.issuer, jwks: realmJwks(realm), now: realm.clock.nowSeconds() },
  );
  const failed = verdict.checks.find((c) => !c.passed);
  if (failed) return refuse(`Not signed in: ${failed.name} failed (${failed.detail}; ${failed.spec}).`, verdict.checks);

  // Whose token is it? The resource server answers from the token itself.
  let answer: Response;
  try {
    answer = await rsRoutes.profile(
      new Request(`${realm.resource}/profile`, { headers: { authorization: `Bearer ${accessToken}` } }),
      realm,
    );
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    answer = e.toResponse();
  }
  const profile = (await answer.json().catch(() => ({}))) as { sub?: unknown; kind?: unknown; name?: unknown; error_description?: unknown };
  if (answer.status !== 200 || typeof profile.sub !== 'string') {
    const why = typeof profile.error_description === 'string' ? `: ${profile.error_description.slice(0, 200)}` : '';
    return refuse(`Not signed in: the resource server refused the access token (HTTP ${answer.status})${why}`, verdict.checks);
  }
  if (profile.kind !== 'user') return refuse('Not signed in: the access token speaks for a client, not a user.', verdict.checks);
  if (verdict.sub !== undefined && verdict.sub !== profile.sub) {
    return refuse('Not signed in: the ID token and the access token name different users.', verdict.checks);
  }

  const sid = randomId();
  await realm.store.set(`legacy-session:${sid}`, { sub: profile.sub }, SESSION_TTL);
  const secure = realm.origin.startsWith('https:') ? '; Secure' : '';
  return jsonResponse({ signed_in: true, sub: profile.sub, name: profile.name ?? profile.sub, checks: verdict.checks }, 200, {
    'Set-Cookie': `${LEGACY_COOKIE}=${sid}; Path=/lab-client/${realm.id}; HttpOnly; SameSite=Lax; Max-Age=${SESSION_TTL}${secure}`,
  });
}

const refuse = (description: string, checks: unknown) =>
  jsonResponse({ error: 'invalid_token', error_description: description, checks }, 401);
