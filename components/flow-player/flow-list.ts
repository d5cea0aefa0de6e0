/** The grants the player knows, for the /flows index (no machine code, so the index page stays light). */
export const FLOW_LIST = [
  { slug: 'authorization-code', title: 'Authorization code + PKCE + OpenID Connect', summary: 'Sign in on the real AS pages, come back with a code, redeem it with the verifier, validate the ID token, call the API.' },
  { slug: 'refresh-token', title: 'Refresh tokens: rotation and replay detection', summary: 'Sign in once with offline_access, refresh twice (every use rotates the refresh token), then replay a spent one and watch the AS revoke the whole family.' },
  { slug: 'client-credentials', title: 'Client credentials', summary: 'A backend service gets a token for itself: Basic vs post client authentication, no user, no refresh token.' },
  { slug: 'device-code', title: 'Device authorization grant (TV sign-in)', summary: 'A TV with no keyboard shows a code and a QR code; you approve on a second device while the TV polls the token endpoint (authorization_pending, slow_down), then it calls the API.' },
] as const;
