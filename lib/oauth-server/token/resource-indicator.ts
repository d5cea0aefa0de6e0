import { OAuthError } from '../errors';
import type { Realm } from '../../realms/types';

/**
 * RFC 8707 §2: the token request's `resource` names the API the access token is meant for, and the
 * AS makes it the token's `aud`. A realm issues tokens for its own resource server and for the other
 * APIs its settings list (`settings.resources`, lab realms only); any other value is `invalid_target`
 * (§2). Without `resource` the token is for the realm's own RS, as before. Only one value is
 * accepted: the form reader refuses a repeated parameter (RFC 6749 §3.2).
 */
export function audienceOf(realm: Realm, form: Map<string, string>): string | undefined {
  const resource = form.get('resource');
  if (resource === undefined || resource === realm.resource) return undefined;
  if (!(realm.settings.resources ?? []).includes(resource)) {
    const known = [realm.resource, ...(realm.settings.resources ?? [])].join(', ');
    throw new OAuthError('invalid_target', `This authorization server issues tokens only for ${known.slice(0, 600)} (RFC 8707 §2).`, 400);
  }
  return resource;
}
