import { originOf } from '../http/origin';
import { OAuthError, withOAuthErrors } from '../oauth-server/errors';

export type ApiHandler = (request: Request, origin: string, id: string) => Promise<Response>;

/**
 * The id segment of `/api/realms/{id}`, read from the raw request path (not from Next's decoded
 * params, which fail on invalid percent-encoding): an undecodable id is a JSON 404, never a 500.
 */
export function apiRealmId(request: Request): string {
  const match = /^\/api\/realms\/([^/]+)\/?$/.exec(new URL(request.url).pathname);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    throw new OAuthError('invalid_request', 'The realm id in the path is not valid percent-encoding.', 404);
  }
}

/** Adapts an `/api/*` handler to a route file; every throw becomes RFC 6749 §5.2-style JSON. */
export function mountApiHandler(handler: ApiHandler) {
  const wrapped = withOAuthErrors((request: Request) => handler(request, originOf(request), apiRealmId(request)));
  return (request: Request) => wrapped(request);
}
