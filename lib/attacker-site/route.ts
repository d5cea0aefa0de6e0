import { originOf } from '../http/origin';
import { OAuthError, withOAuthErrors } from '../oauth-server/errors';
import { resolveRealm } from '../realms/registry';
import { attackerSiteHandler } from './handler';

/**
 * `/attacker/{realm}/{path…}`: resolves the lab realm from the raw request path (never from Next's
 * decoded params, which fail on bad percent-encoding) and hands the rest to the attacker site.
 */
export const handleAttackerSite = withOAuthErrors(async (request: Request): Promise<Response> => {
  const match = /^\/attacker\/([^/]+)\/(.+)$/.exec(new URL(request.url).pathname);
  if (!match) throw new OAuthError('invalid_request', 'Not found.', 404);
  let id: string;
  let path: string;
  try {
    id = decodeURIComponent(match[1]);
    path = decodeURIComponent(match[2]);
  } catch {
    throw new OAuthError('invalid_request', 'The path is not valid percent-encoding.', 404);
  }
  const realm = await resolveRealm(id, originOf(request));
  if (!realm) throw new OAuthError('invalid_request', 'There is no lab realm with this id.', 404);
  return attackerSiteHandler(request, realm, path);
});
