import { authenticateClient } from '../client-auth';
import { invalidRequest, unauthorizedClient, unsupportedGrantType } from '../errors';
import { requireMethod } from '../http';
import { readForm, truncate } from '../read-form';
import { tokenRequestProof } from './dpop-binding';
import { findGrant } from './grants';
import type { Realm } from '../../realms/types';

/**
 * `POST {issuer}/token` (RFC 6749 §3.2): reads the form, picks the grant, authenticates the
 * client (RFC 6749 §3.2.1), checks the client may use the grant (§5.2 unauthorized_client),
 * checks a DPoP proof if one was sent (RFC 9449 §5), then hands over to the grant's module.
 */
export async function tokenEndpoint(request: Request, realm: Realm): Promise<Response> {
  requireMethod(request, ['POST']);
  const form = await readForm(request);
  const grantType = form.get('grant_type');
  if (!grantType) throw invalidRequest('The grant_type parameter is missing (RFC 6749 §4.1.3).');
  const grant = findGrant(realm, grantType);
  if (!grant) throw unsupportedGrantType(refusal(grantType));
  const { client } = await authenticateClient(request, form, realm);
  if (!client.grantTypes.includes(grant.grantType)) {
    throw unauthorizedClient(`The client "${truncate(client.clientId)}" may not use the ${grant.grantType} grant.`);
  }
  const dpop = await tokenRequestProof(request, realm);
  return grant.handle({ realm, client, form, dpop });
}

function refusal(grantType: string): string {
  if (grantType === 'password') return 'The password grant is switched off in this realm: RFC 9700 §2.4 says it MUST NOT be used.';
  if (grantType === 'implicit')
    return 'implicit is a response type, not a grant type; it never reaches the token endpoint (RFC 6749 §4.2).';
  return `The grant_type "${truncate(grantType)}" is not supported here.`;
}
