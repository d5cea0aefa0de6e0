import { originOf } from '../http/origin';
import { OAuthError } from '../oauth-server/errors';
import { resolveRealm } from './registry';
import type { Realm } from './types';

/**
 * The path of a backend that exists only for lab realms (`/bff/{realm}/{route}`, `/lab-client/{realm}/{route}`):
 * the percent-decoded realm id and the route. Anything else is a 404 `invalid_request`.
 */
export function parseLabBackendPath(request: Request, prefix: string): { id: string; route: string } {
  const match = new RegExp(`^/${prefix}/([^/]+)/([a-z]+)$`).exec(new URL(request.url).pathname);
  if (!match) throw new OAuthError('invalid_request', 'Not found.', 404);
  try {
    return { id: decodeURIComponent(match[1]), route: match[2] };
  } catch {
    throw new OAuthError('invalid_request', 'The path is not valid percent-encoding.', 404);
  }
}

/** The lab realm a lab-only backend serves: `demo`, an over-long id or an unknown realm is a 404 naming `backend`. */
export async function labRealmOf(id: string, request: Request, backend: string): Promise<Realm> {
  const realm = id === 'demo' || id.length > 100 ? undefined : await resolveRealm(id, originOf(request));
  if (!realm) throw new OAuthError('invalid_request', `${backend} exists only for lab realms.`, 404);
  return realm;
}
