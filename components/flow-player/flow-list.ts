/** The grants the player knows, for the /flows index (no machine code, so the index page stays light). */
export const FLOW_LIST = [
  { slug: 'authorization-code', title: 'Authorization code + PKCE + OpenID Connect', summary: 'Sign in on the real AS pages, come back with a code, redeem it with the verifier, validate the ID token, call the API.' },
  { slug: 'client-credentials', title: 'Client credentials', summary: 'A backend service gets a token for itself: Basic vs post client authentication, no user, no refresh token.' },
] as const;
