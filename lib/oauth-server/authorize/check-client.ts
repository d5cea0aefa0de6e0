import type { Realm } from '../../realms/types';
import { invalidClient } from '../errors';
import { truncate } from '../read-form';
import type { CheckContext } from './types';

/**
 * RFC 6749 §4.1.2.1: an unknown or missing client_id is shown to the user, never redirected
 * (the redirect URI cannot be trusted without a known client — RFC 9700 §4.11.2).
 */
export function checkClient(ctx: CheckContext, realm: Realm): void {
  const clientId = ctx.params.get('client_id');
  if (!clientId) throw invalidClient('The request has no client_id.', {});
  const client = realm.clients.get(clientId);
  if (!client) throw invalidClient(`There is no client "${truncate(clientId)}" in this realm.`, {});
  ctx.client = client;
  ctx.request.clientId = clientId;
}
