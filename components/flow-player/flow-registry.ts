/**
 * One grant the player knows: what the index and the page show. Plain data, so that server pages can
 * read it: the definitions (machines, panels) load from flow-loaders.ts, which only the player imports.
 * (A server page that imported the loaders would pull every flow's client panels into its own chunk.)
 */
export interface FlowEntry {
  slug: string;
  title: string;
  summary: string;
}

export const FLOWS = [
  {
    slug: 'authorization-code',
    title: 'Authorization code + PKCE + OpenID Connect',
    summary: 'Sign in on the real AS pages, come back with a code, redeem it with the verifier, validate the ID token, call the API.',
  },
  {
    slug: 'refresh-token',
    title: 'Refresh tokens: rotation and replay detection',
    summary:
      'Sign in once with offline_access, refresh twice (every use rotates the refresh token), then replay a spent one and watch the AS revoke the whole family.',
  },
  {
    slug: 'client-credentials',
    title: 'Client credentials',
    summary: 'A backend service gets a token for itself: Basic vs post client authentication, no user, no refresh token.',
  },
  {
    slug: 'device-code',
    title: 'Device authorization grant (TV sign-in)',
    summary:
      'A TV with no keyboard shows a code and a QR code; you approve on a second device while the TV polls the token endpoint (authorization_pending, slow_down), then it calls the API.',
  },
  {
    slug: 'implicit',
    title: 'Implicit grant (deprecated)',
    summary:
      'Deprecated (RFC 9700 §2.1.2; removed by OAuth 2.1): the access token comes back in the URL fragment. Plays only against a lab realm that allows it; ends with what to use instead.',
  },
  {
    slug: 'password',
    title: 'Resource owner password credentials (deprecated)',
    summary:
      'Deprecated (RFC 9700 §2.4: MUST NOT be used; removed by OAuth 2.1): the app asks for your password itself and posts it to the token endpoint. Plays only against a lab realm that allows it; ends with what to use instead.',
  },
] as const satisfies readonly FlowEntry[];

export type FlowSlug = (typeof FLOWS)[number]['slug'];

export function findFlow(slug: string): FlowEntry | undefined {
  return FLOWS.find((f) => f.slug === slug);
}
