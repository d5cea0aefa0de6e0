import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { RealmDescriptor } from '@/lib/realms/descriptor';

/**
 * What every flow machine is started with: the realm it plays against (its issuer, its resource
 * server, its weaknesses), the client it plays and the scope it asks for.
 */
export interface FlowInput {
  /** The client's own origin: its redirect URI is `{origin}/flows/callback`. */
  origin: string;
  realm: RealmDescriptor;
  client: ClientCredentials;
  scope: string;
  /** Bind the tokens to a key with DPoP (RFC 9449): flows that offer the option read it. */
  dpop?: boolean;
}
