import type { Realm } from '../realms/types';
import { jsonResponse, requireToken } from './require-token';
import { methodNotAllowed } from './rs-errors';

/**
 * `GET /rs/{realm}/profile` (scope `profile`): who the token speaks for. For a user, the
 * name from the realm's accounts; for client_credentials the `sub` is the client itself
 * (RFC 9068 §2.2), so the answer describes the client.
 */
export async function profileEndpoint(request: Request, realm: Realm): Promise<Response> {
  if (request.method !== 'GET') throw methodNotAllowed(request.method, ['GET']);
  const check = await requireToken(request, realm, 'profile');
  if (!check.ok) return check.response;
  const { sub, clientId, scope } = check.token;
  const user = realm.users.get(sub);
  if (user)
    return jsonResponse({ sub, kind: 'user', name: user.name, client_id: clientId, scope: scope.join(' ') }, 200, check.token.report);
  const client = realm.clients.get(sub);
  if (client)
    return jsonResponse({ sub, kind: 'client', name: client.name, client_id: clientId, scope: scope.join(' ') }, 200, check.token.report);
  return jsonResponse({ sub, kind: 'unknown', client_id: clientId, scope: scope.join(' ') }, 200, check.token.report);
}
