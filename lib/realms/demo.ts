import type { ClientConfig, ScopeInfo, TokenLifetimes, UserAccount } from './types';

/** The fixed `demo` realm contract of DESIGN.md. `{origin}` is substituted per request. */
export const DEMO_REALM_ID = 'demo';

export const DEMO_SCOPES: Record<string, ScopeInfo> = {
  openid: { description: 'Sign you in and tell the app who you are (your user id)' },
  profile: { description: 'See your name' },
  email: { description: 'See your email address and whether it is verified' },
  offline_access: { description: 'Stay connected while you are away (a refresh token)' },
  'photos:read': { description: 'View your photos' },
  'photos:write': { description: 'Upload photos on your behalf' },
};

export const DEMO_USERS: UserAccount[] = [
  { username: 'alice', password: 'wonderland', name: 'Alice Liddell', email: 'alice@example.com', emailVerified: true },
  { username: 'bob', password: 'builder', name: 'Bob Builder', email: 'bob@example.com', emailVerified: false },
];

/**
 * The resource server's own credentials at the AS: a confidential client with no grant, which may
 * only introspect access tokens (RFC 7662 §2.1: the protected resource asks about the tokens it is
 * shown). No other client may introspect a token that is not its own.
 */
export const RESOURCE_SERVER_CLIENT_ID = 'rs';

const ALL_SCOPES = Object.keys(DEMO_SCOPES);
const API_SCOPES = ['photos:read', 'photos:write'];

export function demoClients(origin: string): ClientConfig[] {
  const callback = `${origin}/flows/callback`;
  return [
    {
      clientId: 'spa',
      name: 'Photo Gallery (single-page app)',
      type: 'public',
      authMethods: ['none'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [callback],
      scopes: ALL_SCOPES,
    },
    {
      clientId: 'web',
      name: 'Photo Gallery (web server)',
      type: 'confidential',
      secret: 'web-secret',
      authMethods: ['client_secret_basic', 'client_secret_post'],
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [callback],
      scopes: ALL_SCOPES,
    },
    {
      clientId: 'service',
      name: 'Photo Backup Service',
      type: 'confidential',
      secret: 'service-secret',
      authMethods: ['client_secret_basic', 'client_secret_post'],
      grantTypes: ['client_credentials'],
      redirectUris: [],
      scopes: API_SCOPES,
    },
    {
      clientId: 'tv',
      name: 'Photo Frame TV',
      type: 'public',
      authMethods: ['none'],
      grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      redirectUris: [],
      scopes: ALL_SCOPES,
    },
    {
      clientId: 'legacy-spa',
      name: 'Legacy SPA (implicit)',
      type: 'public',
      authMethods: ['none'],
      grantTypes: ['implicit'],
      redirectUris: [callback],
      scopes: ALL_SCOPES,
    },
    {
      clientId: 'legacy-app',
      name: 'Legacy App (password)',
      type: 'confidential',
      secret: 'legacy-secret',
      authMethods: ['client_secret_basic', 'client_secret_post'],
      grantTypes: ['password', 'refresh_token'],
      redirectUris: [],
      scopes: ALL_SCOPES,
    },
    {
      clientId: RESOURCE_SERVER_CLIENT_ID,
      name: 'Photo API (resource server)',
      type: 'confidential',
      secret: 'rs-secret',
      authMethods: ['client_secret_basic', 'client_secret_post'],
      grantTypes: [],
      redirectUris: [],
      scopes: [],
    },
  ];
}

export const DEMO_LIFETIMES: TokenLifetimes = {
  accessToken: 600,
  idToken: 600,
  refreshToken: 24 * 3600,
  authorizationCode: 60,
  deviceCode: 600,
  session: 8 * 3600,
};

export const DEMO_DEVICE_INTERVAL = 5;
