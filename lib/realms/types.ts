import type { Clock, Store } from '../store/types';
import type { RealmKeys } from './keys';
import type { RealmSettings } from './lab-registry';
import type { PolicyPoints } from './policy-points';

export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';
export type GrantType =
  'authorization_code' | 'refresh_token' | 'client_credentials' | 'urn:ietf:params:oauth:grant-type:device_code' | 'implicit' | 'password';

export interface ClientConfig {
  clientId: string;
  name: string;
  type: 'public' | 'confidential';
  /** Plain secret: this is a teaching server whose secrets are printed in DESIGN.md. */
  secret?: string;
  authMethods: ClientAuthMethod[];
  grantTypes: GrantType[];
  redirectUris: string[]; // absolute; `{origin}` already substituted
  /** The scopes this client may ask for. */
  scopes: string[];
}

export interface UserAccount {
  username: string; // also the `sub`
  password: string;
  name: string;
  email: string;
  emailVerified: boolean;
  /** Further claims UserInfo returns with the `openid` scope (flowlab-mock configs; OIDC Core §5.3). */
  claims?: Readonly<Record<string, unknown>>;
}

export interface ScopeInfo {
  /** What the user is agreeing to, in plain words, for the consent page. */
  description: string;
}

export interface TokenLifetimes {
  accessToken: number;
  idToken: number;
  refreshToken: number;
  authorizationCode: number;
  deviceCode: number;
  session: number;
}

/** A realm as seen by one request: static configuration bound to the request's origin. */
export interface Realm {
  id: string;
  origin: string;
  /** `{origin}/as/{id}` */
  issuer: string;
  /** `{origin}/rs/{id}`: the `aud` of every access token. */
  resource: string;
  clients: ReadonlyMap<string, ClientConfig>;
  users: ReadonlyMap<string, UserAccount>;
  scopes: Readonly<Record<string, ScopeInfo>>;
  /** The strategy at every named policy point: hardened, or a lab realm's weaknesses applied. */
  points: Readonly<PolicyPoints>;
  /** Catalogue names of the weaknesses applied (empty for `demo` and hardened lab realms). */
  weaknesses: readonly string[];
  settings: Readonly<RealmSettings>;
  /** RFC 8725 §3.1: the algorithms this realm's tokens are signed with, the RS's allow-list. */
  algorithms: readonly string[];
  lifetimes: Readonly<TokenLifetimes>;
  /** RFC 8628 §3.5: seconds a device client waits between polls. */
  deviceInterval: number;
  keys: RealmKeys;
  store: Store;
  clock: Clock;
}
