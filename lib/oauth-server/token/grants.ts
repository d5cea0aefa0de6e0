import { authorizationCodeGrant } from './authorization-code';
import { clientCredentialsGrant } from './client-credentials';
import { deviceCodeGrant } from './device-code';
import { passwordGrant } from './password';
import { refreshTokenGrant } from './refresh-token';
import type { GrantEntry } from './types';
import type { Realm } from '../../realms/types';

/**
 * The grants the token endpoint knows, one module each. Anything else, `implicit` included
 * (it is a response type, never a grant at the token endpoint), is `unsupported_grant_type`.
 */
const GRANTS: readonly GrantEntry[] = [
  { grantType: 'authorization_code', handle: authorizationCodeGrant },
  { grantType: 'client_credentials', handle: clientCredentialsGrant },
  { grantType: 'refresh_token', handle: refreshTokenGrant },
  { grantType: 'urn:ietf:params:oauth:grant-type:device_code', handle: deviceCodeGrant },
  // RFC 9700 §2.4: refused unless a lab realm switches the policy.
  { grantType: 'password', handle: passwordGrant, enabled: (realm) => realm.points['as.password-grant'].enabled },
];

/** The entry for `grantType`, or undefined when this realm does not support it. */
export function findGrant(realm: Realm, grantType: string): GrantEntry | undefined {
  const entry = GRANTS.find((g) => g.grantType === grantType);
  if (!entry || (entry.enabled && !entry.enabled(realm))) return undefined;
  return entry;
}

/** For discovery's `grant_types_supported`. */
export function supportedGrantTypes(realm: Realm): string[] {
  return GRANTS.filter((g) => !g.enabled || g.enabled(realm)).map((g) => g.grantType);
}
