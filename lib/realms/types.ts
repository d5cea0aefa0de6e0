import type { Clock, Store } from '../store/types';
import type { RealmKeys } from './keys';

export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post';
export type GrantType =
  | 'authorization_code'
  | 'refresh_token'
  | 'client_credentials'
  | 'urn:ietf:params:oauth:grant-type:device_code'
  | 'implicit'
  | 'password';

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
}

export interface ScopeInfo {
  /** What the user is agreeing to, in plain words, for the consent page. */
  description: string;
}

/**
 * The named policy points of a realm. Every check that a lab realm may weaken reads one
 * of these; `demo` uses the hardened value of each. Handlers never branch on "attack mode".
 */
export interface RealmPolicies {
  /** RFC 9700 §2.1.1 / §4.8: PKCE for every client, S256 only. */
  pkce: 'required-s256' | 'optional';
  /** RFC 9700 §4.1.3: exact string match of redirect URIs. */
  redirectUriMatch: 'exact' | 'prefix';
  /** RFC 9700 §2.1.2: the implicit grant is not allowed. */
  implicitGrant: 'refuse' | 'allow';
  /** RFC 9700 §2.4: the resource owner password credentials grant is not allowed. */
  passwordGrant: 'refuse' | 'allow';
  /** RFC 9700 §4.14: rotate refresh tokens, and revoke the family on reuse. */
  refreshTokenReuse: 'rotate-and-revoke-family' | 'allow-reuse';
  /** RFC 6749 §4.1.2 / RFC 9700 §4.2.4: codes are one-time; a second redemption revokes the grant. */
  codeReuse: 'one-time-revoke-grant' | 'allow-reuse';
  /** RFC 8725 §3.1: algorithms the resource server accepts. */
  rsAlgorithms: string[];
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
  policies: Readonly<RealmPolicies>;
  lifetimes: Readonly<TokenLifetimes>;
  /** RFC 8628 §3.5: seconds a device client waits between polls. */
  deviceInterval: number;
  keys: RealmKeys;
  store: Store;
  clock: Clock;
}
