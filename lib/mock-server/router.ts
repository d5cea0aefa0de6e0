import { handleAttackerSite } from '../attacker-site/route';
import { originOf } from '../http/origin';
import { asRoutes } from '../oauth-server/as-routes';
import { OAuthError, withOAuthErrors } from '../oauth-server/errors';
import { framedForRealm } from '../oauth-server/pages/framing';
import type { RouteTable } from '../oauth-server/route-table';
import { createRealmEndpoint, realmEndpoint, weaknessesEndpoint } from '../realms/api';
import type { ConfiguredRealmDefinition } from '../realms/configured';
import { apiRealmId } from '../realms/mount-api';
import { buildConfiguredRealm, resolveRealm } from '../realms/registry';
import type { Realm } from '../realms/types';
import { rsRoutes } from '../resource-server/routes';

/** Origins a configured realm is kept built for; past this (a client varying `Host`) it is built per request. */
const MAX_CACHED_ORIGINS = 32;

/**
 * The request router of `flowlab-mock`: the same handlers as the Next.js route files and
 * lib/server-router.ts (`/as/{realm}/…`, `/rs/{realm}/…`, `/api/…`, `/attacker/{id}/…` and RFC 8414's
 * `/.well-known/oauth-authorization-server/as/{realm}`), with the realms of a config file resolved
 * first, then `demo` and lab realms as the app resolves them. Every throw becomes RFC 6749 §5.2 JSON.
 */
export function createMockRouter(configured: ReadonlyMap<string, ConfiguredRealmDefinition>): (request: Request) => Promise<Response> {
  const built = new Map<string, Map<string, Promise<Realm>>>();

  function configuredRealm(definition: ConfiguredRealmDefinition, origin: string): Promise<Realm> {
    let byOrigin = built.get(definition.id);
    if (!byOrigin) built.set(definition.id, (byOrigin = new Map()));
    let realm = byOrigin.get(origin);
    if (!realm) {
      realm = buildConfiguredRealm(definition, origin);
      if (byOrigin.size < MAX_CACHED_ORIGINS) byOrigin.set(origin, realm);
    }
    return realm;
  }

  async function resolve(name: string, origin: string): Promise<Realm | undefined> {
    const definition = configured.get(name);
    return definition ? configuredRealm(definition, origin) : resolveRealm(name, origin);
  }

  return withOAuthErrors(async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/api/weaknesses') return weaknessesEndpoint(request);
    if (path === '/api/realms') return createRealmEndpoint(request, originOf(request));
    if (/^\/api\/realms\/[^/]+\/?$/.test(path)) return realmEndpoint(request, originOf(request), apiRealmId(request));
    if (path.startsWith('/attacker/')) return handleAttackerSite(request);
    let table: RouteTable = asRoutes;
    let segment: string;
    let sub: string;
    const metadata = /^\/\.well-known\/oauth-authorization-server\/as\/([^/]+)$/.exec(path);
    if (metadata) {
      segment = metadata[1];
      sub = 'oauth-authorization-server';
    } else {
      const match = /^\/(as|rs)\/([^/]+)\/(.+)$/.exec(path);
      if (!match)
        throw new OAuthError(
          'invalid_request',
          'Not found: flowlab-mock serves /as/{realm}/…, /rs/{realm}/…, /api/… and /.well-known/oauth-authorization-server/as/{realm}.',
          404,
        );
      table = match[1] === 'as' ? asRoutes : rsRoutes;
      segment = match[2];
      sub = match[3];
    }
    const handler = Object.hasOwn(table, sub) ? table[sub] : undefined;
    if (!handler) throw new OAuthError('invalid_request', 'Not found.', 404);
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      throw new OAuthError('invalid_request', 'The realm name in the path is not valid percent-encoding.', 404);
    }
    const realm = await resolve(name, originOf(request));
    if (!realm) throw new OAuthError('invalid_request', 'There is no realm with this name.', 404);
    return framedForRealm(await handler(request, realm), realm);
  });
}
