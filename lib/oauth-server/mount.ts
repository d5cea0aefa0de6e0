import { resolveRealm, originOf } from '../realms/registry';
import { OAuthError, withOAuthErrors } from './errors';
import { framedForRealm } from './pages/framing';

import type { RealmHandler } from './route-table';
type RouteContext = { params: Promise<{ realm: string }> };

/**
 * Adapts a framework-free `(Request, Realm) → Response` handler to a Next.js route handler:
 * resolves the realm from the path (404 JSON for an unknown one) and maps every throw to an
 * RFC-shaped error in one place. Route files are one line: `export const POST = mountRealmHandler(tokenEndpoint)`.
 */
export type { RealmHandler };

export function mountRealmHandler(handler: RealmHandler) {
  const wrapped = withOAuthErrors(async (request: Request, context: RouteContext) => {
    const { realm: realmId } = await context.params;
    const realm = await resolveRealm(realmId, originOf(request));
    if (!realm) throw new OAuthError('invalid_request', 'There is no realm with this name.', 404);
    return framedForRealm(await handler(request, realm), realm);
  });
  return (request: Request, context: RouteContext) => wrapped(request, context);
}
