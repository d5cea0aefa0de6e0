import type { VerifiedProof } from '../../dpop/verify-proof';
import type { ClientConfig, GrantType, Realm } from '../../realms/types';

/** What every grant handler receives once the client is authenticated and allowed the grant. */
export interface GrantContext {
  realm: Realm;
  client: ClientConfig;
  form: Map<string, string>;
  /** The request's valid DPoP proof (RFC 9449 §5), when it sent one: what is issued is bound to its key. */
  dpop?: VerifiedProof;
}

export type GrantHandler = (context: GrantContext) => Promise<Response>;

/** One entry per grant_type (navikt/mock-oauth2-server style): a handler and the policy that may switch it off. */
export interface GrantEntry {
  grantType: GrantType;
  handle: GrantHandler;
  /** False when the realm refuses this grant (e.g. `password` in demo, RFC 9700 §2.4). */
  enabled?: (realm: Realm) => boolean;
}
