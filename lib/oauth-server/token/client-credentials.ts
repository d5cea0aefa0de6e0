import { unauthorizedClient } from '../errors';
import { opaqueToken } from '../issue/random';
import { issueTokenResponse } from '../issue/token-response';
import { audienceOf } from './resource-indicator';
import { checkClientScope, parseScope } from './scope';
import type { GrantContext } from './types';

/**
 * RFC 6749 §4.4: the client acts on its own behalf, so `sub` is the client_id and there is no
 * refresh token (§4.4.3: "SHOULD NOT be included") and no ID token (no user). Without `scope`
 * the client gets every scope it is allowed (RFC 6749 §3.3 default). `resource` picks the API (RFC 8707 §2).
 */
export async function clientCredentialsGrant({ realm, client, form, dpop }: GrantContext): Promise<Response> {
  // RFC 6749 §4.4: "MUST only be used by confidential clients".
  if (client.type !== 'confidential') throw unauthorizedClient('Only confidential clients may use client_credentials (RFC 6749 §4.4).');
  const scope = parseScope(form.get('scope')) ?? client.scopes;
  checkClientScope(realm, client, scope);
  const audience = audienceOf(realm, form);
  return issueTokenResponse(realm, { client, sub: client.clientId, scope, grantId: opaqueToken(16), jkt: dpop?.jkt, audience });
}
