import { flowHref, type Grant } from './links';

/** "Which grant should I use?": one answer per kind of app, each ending in a flow to run. */
export interface Answer {
  id: string;
  question: string;
  grant: Grant;
  /** The flow's name as /flows shows it. */
  flow: string;
  why: string;
  specs: string[];
  href: string;
}

const AUTH_CODE = 'Authorization code + PKCE';

export const DECISION_GUIDE: readonly Answer[] = [
  {
    id: 'browser',
    question: 'A single-page app in the browser',
    grant: 'authorization-code',
    flow: AUTH_CODE,
    why: 'A public client (it cannot keep a secret) with PKCE; better still, a backend-for-frontend keeps the tokens on the server. Never the implicit grant: it puts the token in the URL.',
    specs: ['RFC 9700 §2.1.1', 'RFC 9700 §2.1.2'],
    href: flowHref('authorization-code'),
  },
  {
    id: 'native',
    question: 'A mobile or desktop app',
    grant: 'authorization-code',
    flow: AUTH_CODE,
    why: 'A public client in the system browser with PKCE: the code is useless to another app that intercepts the redirect.',
    specs: ['RFC 7636 §1', 'RFC 9700 §2.1.1'],
    href: flowHref('authorization-code'),
  },
  {
    id: 'server',
    question: 'A web app with its own server',
    grant: 'authorization-code',
    flow: AUTH_CODE,
    why: 'A confidential client: it authenticates at the token endpoint with its secret, and still sends PKCE, which OAuth 2.1 requires of every client.',
    specs: ['RFC 6749 §4.1', 'RFC 9700 §2.1.1'],
    href: flowHref('authorization-code'),
  },
  {
    id: 'machine',
    question: 'A backend calling an API, no user involved',
    grant: 'client-credentials',
    flow: 'Client credentials',
    why: 'The service acts for itself: no user to sign in, no consent, no refresh token.',
    specs: ['RFC 6749 §4.4'],
    href: flowHref('client-credentials'),
  },
  {
    id: 'device',
    question: 'A TV, console or CLI without a browser or keyboard',
    grant: 'device-code',
    flow: 'Device authorization grant',
    why: 'The device shows a short code; the user approves on a phone or laptop while the device polls.',
    specs: ['RFC 8628 §1'],
    href: flowHref('device-code'),
  },
  {
    id: 'offline',
    question: 'An app that must keep working while the user is away',
    grant: 'refresh-token',
    flow: 'Refresh tokens',
    why: 'Sign in once with the authorization code grant and ask for offline access; rotated refresh tokens get new access tokens without the user.',
    specs: ['RFC 6749 §6', 'RFC 9700 §4.14.2'],
    href: flowHref('refresh-token'),
  },
  {
    id: 'password',
    question: 'My users type their password into my app',
    grant: 'authorization-code',
    flow: AUTH_CODE,
    why:
      'Do not: the password grant (ROPC) gives your app the user’s password, cannot do multi-factor sign-in ' +
      'and teaches users to type passwords anywhere. RFC 9700 says it MUST NOT be used and OAuth 2.1 omits ' +
      'it. Send users to the AS’s own sign-in page with the authorization code grant.',
    specs: ['RFC 9700 §2.4', 'RFC 6749 §4.3'],
    href: flowHref('authorization-code'),
  },
];
