/** The sections of /learn, in order: ids are the anchors the table of contents and /flows link to. */
export const LEARN_SECTIONS = [
  { id: 'jwt-oauth-oidc', title: 'JWT, OAuth 2.0, OpenID Connect: three different things' },
  { id: 'roles', title: 'The four roles' },
  { id: 'tokens', title: 'Access token, ID token, refresh token' },
  { id: 'jwt-anatomy', title: 'Anatomy of a JWT' },
  { id: 'jwt-vs-opaque', title: 'JWT or opaque access tokens, and revocation' },
  { id: 'validating', title: 'Validating a JWT access token' },
  { id: 'which-grant', title: 'Which grant should I use?' },
  { id: 'oauth-2-1', title: 'OAuth 2.1 in one table' },
  { id: 'token-storage', title: 'Storing tokens in the browser' },
  { id: 'api-keys', title: 'API keys, OAuth, and API gateways' },
] as const;

export type LearnSectionId = (typeof LEARN_SECTIONS)[number]['id'];

/** Which /learn section explains each grant (linked from /flows). */
export const GRANT_SECTION = {
  'authorization-code': 'which-grant',
  'refresh-token': 'tokens',
  'client-credentials': 'api-keys',
  'device-code': 'which-grant',
} as const satisfies Record<string, LearnSectionId>;
