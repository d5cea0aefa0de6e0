import { OAuthError, invalidRequest, withOAuthErrors } from '../oauth-server/errors';
import { jsonResponse } from '../oauth-server/http';
import { readForm } from '../oauth-server/read-form';
import { asBackChannelRoutes } from '../oauth-server/back-channel';
import { randomId, readCookie } from '../oauth-server/session';
import { labRealmOf, parseLabBackendPath } from '../realms/lab-backend-path';
import type { Realm } from '../realms/types';
import { rsRoutes } from '../resource-server/routes';

/**
 * A backend for frontend (BFF) for the token-storage attack's hardened side, `/bff/{realm}/…`: the
 * browser app's own server half, the confidential client `web`. It redeems the code itself, keeps the
 * tokens server-side and gives the browser only an `HttpOnly` session cookie, which no script on the
 * page can read (RFC 6750 §5.3: do not store bearer tokens where scripts can read them). It calls the
 * API for the page, attaching the token itself. It talks only to its own realm's AS and RS, in-process:
 * it fetches no URL a user supplied.
 *
 * - `POST /bff/{realm}/session` (form: `code`, `code_verifier`, `redirect_uri`) → `201 { "signed_in": true }` + `Set-Cookie`; never the tokens
 * - `GET /bff/{realm}/photos` → the RS's answer to `GET /photos` with the session's token, or `401 { "error": "no_session" }`
 * - `POST /bff/{realm}/logout` → `204`, the session forgotten
 */
export const BFF_CLIENT = { clientId: 'web', secret: 'web-secret' };
export const BFF_COOKIE = 'bff_session';
const SESSION_TTL = 600;
const key = (sid: string) => `bff-session:${sid}`;

interface BffSession {
  accessToken: string;
}

export const handleBff = withOAuthErrors(async (request: Request): Promise<Response> => {
  const { id, route } = parseLabBackendPath(request, 'bff');
  const realm = await labRealmOf(id, request, 'The backend for frontend');
  const method = request.method.toUpperCase();
  if (route === 'session' && method === 'POST') return signIn(request, realm);
  if (route === 'photos' && method === 'GET') return photos(request, realm);
  if (route === 'logout' && method === 'POST') return logout(request, realm);
  if (route === 'session' || route === 'photos' || route === 'logout') {
    throw new OAuthError('invalid_request', `Use ${route === 'photos' ? 'GET' : 'POST'}.`, 405, {
      Allow: route === 'photos' ? 'GET' : 'POST',
    });
  }
  throw new OAuthError('invalid_request', 'Not found.', 404);
});

async function signIn(request: Request, realm: Realm): Promise<Response> {
  const form = await readForm(request, 16 * 1024);
  const code = form.get('code');
  const verifier = form.get('code_verifier');
  const redirectUri = form.get('redirect_uri');
  if (!code || !verifier || !redirectUri) throw invalidRequest('Send code, code_verifier and redirect_uri as a form.');
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri });
  const tokenRequest = new Request(`${realm.origin}/as/${realm.id}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${btoa(`${BFF_CLIENT.clientId}:${BFF_CLIENT.secret}`)}`,
    },
    body,
  });
  const answer = await asBackChannelRoutes.token(tokenRequest, realm);
  const tokens = (await answer.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
  if (answer.status !== 200 || typeof tokens.access_token !== 'string') {
    // The AS's error, passed on: never a token.
    return jsonResponse(
      {
        error: typeof tokens.error === 'string' ? tokens.error : 'token_request_failed',
        error_description: String(tokens.error_description ?? `HTTP ${answer.status}`),
      },
      400,
    );
  }
  const sid = randomId();
  await realm.store.set<BffSession>(key(sid), { accessToken: tokens.access_token }, SESSION_TTL);
  const secure = realm.origin.startsWith('https:') ? '; Secure' : '';
  return jsonResponse({ signed_in: true }, 201, {
    'Set-Cookie': `${BFF_COOKIE}=${sid}; Path=/bff/${realm.id}; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL}${secure}`,
  });
}

async function photos(request: Request, realm: Realm): Promise<Response> {
  const sid = readCookie(request, BFF_COOKIE);
  const session = sid ? await realm.store.get<BffSession>(key(sid)) : undefined;
  if (!session) return jsonResponse({ error: 'no_session', error_description: 'No session cookie: sign in first.' }, 401);
  const answer = await rsRoutes.photos(
    new Request(`${realm.origin}/rs/${realm.id}/photos`, { headers: { authorization: `Bearer ${session.accessToken}` } }),
    realm,
  );
  return new Response(await answer.text(), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' },
  });
}

async function logout(request: Request, realm: Realm): Promise<Response> {
  const sid = readCookie(request, BFF_COOKIE);
  if (sid) await realm.store.delete(key(sid));
  return new Response(null, {
    status: 204,
    headers: { 'Set-Cookie': `${BFF_COOKIE}=; Path=/bff/${realm.id}; HttpOnly; SameSite=Strict; Max-Age=0`, 'Cache-Control': 'no-store' },
  });
}
