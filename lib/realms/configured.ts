import { randomInt } from 'node:crypto';
import type { MockConfig, MockRealmConfig } from '../mock-server/config';
import { composePoints, selectWeaknesses } from './catalogue';
import { DEMO_DEVICE_INTERVAL, DEMO_LIFETIMES, DEMO_SCOPES, RESOURCE_SERVER_CLIENT_ID } from './demo';
import type { RealmSettings } from './lab-registry';
import type { PolicyPoints } from './policy-points';
import type { ClientAuthMethod, ClientConfig, GrantType, ScopeInfo, TokenLifetimes, UserAccount } from './types';
import { LAB_WEAK_SECRETS } from './weak-secrets';

/**
 * A realm defined by a `flowlab-mock` config file (lib/mock-server/config.ts) rather than by the
 * fixed `demo` contract or `POST /api/realms`. Everything but the keys, the store and the origin is
 * fixed at start; lib/realms/registry.ts `buildConfiguredRealm` binds it to a request's origin.
 */
export interface ConfiguredRealmDefinition {
  id: string;
  /** Clients with `{origin}` still in their redirect URIs (substituted per origin). */
  clients: readonly ClientConfig[];
  users: readonly UserAccount[];
  scopes: Readonly<Record<string, ScopeInfo>>;
  lifetimes: Readonly<TokenLifetimes>;
  deviceInterval: number;
  settings: Readonly<RealmSettings>;
  weaknesses: readonly string[];
  points: Readonly<PolicyPoints>;
  /** The HS256 secret `as-hs256-weak-secret` signs with (a common password, as in lab realms). */
  hmacSecret?: string;
}

/** The resource server's own client, as in `demo` (RFC 7662 §2.1: it introspects the tokens it is shown). */
const resourceServerClient: ClientConfig = {
  clientId: RESOURCE_SERVER_CLIENT_ID,
  name: 'Resource server',
  type: 'confidential',
  secret: 'rs-secret',
  authMethods: ['client_secret_basic', 'client_secret_post'],
  grantTypes: [],
  redirectUris: [],
  scopes: [],
};

function clientOf(c: MockRealmConfig['clients'][number], allScopes: string[]): ClientConfig {
  const authMethods: ClientAuthMethod[] =
    c.authMethods ?? (c.secret === undefined ? ['none'] : ['client_secret_basic', 'client_secret_post']);
  return {
    clientId: c.id,
    name: c.name ?? c.id,
    type: authMethods.includes('none') ? 'public' : 'confidential',
    secret: c.secret,
    authMethods,
    grantTypes: [...c.grants] as GrantType[],
    redirectUris: [...c.redirectUris],
    scopes: c.scopes ? [...c.scopes] : allScopes,
  };
}

function userOf(u: MockRealmConfig['users'][number]): UserAccount {
  return {
    username: u.username,
    password: u.password,
    name: u.name ?? u.username,
    email: u.email ?? `${u.username}@example.com`,
    emailVerified: u.emailVerified ?? false,
    ...(u.claims ? { claims: Object.freeze({ ...u.claims }) } : {}),
  };
}

/** One validated realm section → its definition. The weakness names were checked by the schema. */
export function definitionFromConfig(id: string, config: MockRealmConfig): ConfiguredRealmDefinition {
  const scopes: Record<string, ScopeInfo> = config.scopes
    ? Object.fromEntries(Object.entries(config.scopes).map(([name, description]) => [name, { description }]))
    : DEMO_SCOPES;
  const selection = selectWeaknesses(config.weaknesses);
  if (!selection.ok) throw new Error(`realms.${id}.weaknesses: ${selection.description}`);
  const needsSecret = selection.weaknesses.some((w) => w.needsHmacSecret);
  return Object.freeze({
    id,
    clients: Object.freeze([...config.clients.map((c) => clientOf(c, Object.keys(scopes))), resourceServerClient]),
    users: Object.freeze(config.users.map(userOf)),
    scopes: Object.freeze(scopes),
    lifetimes: Object.freeze({ ...DEMO_LIFETIMES, ...config.lifetimes }),
    deviceInterval: DEMO_DEVICE_INTERVAL,
    settings: Object.freeze({ accessTokenFormat: config.accessTokenFormat }),
    weaknesses: Object.freeze(selection.weaknesses.map((w) => w.name)),
    points: composePoints(selection.weaknesses),
    hmacSecret: needsSecret ? LAB_WEAK_SECRETS[randomInt(LAB_WEAK_SECRETS.length)] : undefined,
  });
}

/** Every realm of a validated config, by id. */
export function definitionsFromConfig(config: MockConfig): Map<string, ConfiguredRealmDefinition> {
  return new Map(Object.entries(config.realms).map(([id, realm]) => [id, definitionFromConfig(id, realm)]));
}
