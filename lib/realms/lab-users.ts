import type { ClientConfig, UserAccount } from './types';

/**
 * Accounts that only lab realms have, besides the demo users: Mallory's own account, with which she
 * signs in for the login-CSRF attack (RFC 9700 §4.7). `demo` keeps exactly alice and bob (DESIGN.md).
 */
export const LAB_ONLY_USERS: readonly UserAccount[] = [
  { username: 'mallory', password: 'mischief', name: 'Mallory Mischief', email: 'mallory@example.com', emailVerified: true },
];

/** Mallory's own registered app: a harmless-looking quiz that Alice signs in to (the token-injection attack). */
export const MALLORY_APP_ID = 'mallory-quiz';

/**
 * Clients that only lab realms have, besides the demo clients: Mallory's look-alike app, an ordinary
 * public client (code + PKCE, the same redirect URI as every browser client here, since the lab plays
 * every client). Alice's token for it is what Mallory injects into the legacy implicit app (RFC 6749
 * §10.16: "granting an access token to an attacker's malicious client"). `demo` keeps its clients.
 */
export function labOnlyClients(origin: string): ClientConfig[] {
  return [
    {
      clientId: MALLORY_APP_ID,
      name: 'Which Wonderland character are you? (a quiz: Mallory’s app)',
      type: 'public',
      authMethods: ['none'],
      grantTypes: ['authorization_code'],
      redirectUris: [`${origin}/flows/callback`],
      scopes: ['openid', 'profile'],
    },
  ];
}
