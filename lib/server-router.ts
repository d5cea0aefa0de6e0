import { asRoutes } from './oauth-server/as-routes';
import { OAuthError, withOAuthErrors } from './oauth-server/errors';
import { framedForRealm } from './oauth-server/pages/framing';
import type { RouteTable } from './oauth-server/route-table';
import { handleAttackerSite } from './attacker-site/route';
import { handleBff } from './lab-bff/handler';
import { handleLabClient } from './lab-client/implicit-login';
import { createRealmEndpoint, realmEndpoint, weaknessesEndpoint } from './realms/api';
import { apiRealmId, type ApiHandler } from './realms/mount-api';
import { originOf, resolveRealm } from './realms/registry';
import { rsRoutes } from './resource-server/routes';

/**
 * Routes a request to the embedded servers without Next.js: used by the integration tests
 * (as oauth4webapi's `customFetch`) and by the plain `node:http` adapter of the benchmark.
 * The Next.js app mounts the same handlers under app/as and app/rs.
 *
 * Paths: `/api/…`, `/as/{realm}/{sub}`, `/rs/{realm}/{sub}`, and RFC 8414's path-inserted
 * `/.well-known/oauth-authorization-server/as/{realm}`.
 */
export const handleServerRequest = withOAuthErrors(async (request: Request): Promise<Response> => {
  const path = new URL(request.url).pathname;
  const api = apiRoute(path);
  if (api) return api(request, originOf(request), apiRealmId(request));
  if (path.startsWith('/attacker/')) return handleAttackerSite(request);
  if (path.startsWith('/bff/')) return handleBff(request);
  if (path.startsWith('/lab-client/')) return handleLabClient(request);
  let match = /^\/\.well-known\/oauth-authorization-server\/as\/([^/]+)$/.exec(path);
  let table: RouteTable = asRoutes;
  let sub = 'oauth-authorization-server';
  if (!match) {
    match = /^\/(as|rs)\/([^/]+)\/(.+)$/.exec(path);
    if (!match) throw new OAuthError('invalid_request', 'Not found.', 404);
    table = match[1] === 'as' ? asRoutes : rsRoutes;
    sub = match[3];
    match = [match[0], match[2]] as unknown as RegExpExecArray;
  }
  const handler = Object.hasOwn(table, sub) ? table[sub] : undefined;
  if (!handler) throw new OAuthError('invalid_request', 'Not found.', 404);
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    throw new OAuthError('invalid_request', 'The realm name in the path is not valid percent-encoding.', 404);
  }
  const realm = await resolveRealm(name, originOf(request));
  if (!realm) throw new OAuthError('invalid_request', 'There is no realm with this name.', 404);
  return framedForRealm(await handler(request, realm), realm);
});

/** `/api/weaknesses`, `/api/realms`, `/api/realms/{id}` (DESIGN.md "Lab realms and the attack lab"). */
function apiRoute(path: string): ApiHandler | undefined {
  if (path === '/api/weaknesses') return (request) => weaknessesEndpoint(request);
  if (path === '/api/realms') return createRealmEndpoint;
  if (/^\/api\/realms\/[^/]+\/?$/.test(path)) return realmEndpoint;
  return undefined;
}

/** A `fetch` that serves the embedded servers in-process (for tests and oauth4webapi's customFetch). */
export function inProcessFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return handleServerRequest(new Request(input, init));
}
