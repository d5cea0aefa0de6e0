import { rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, REPLAY_STEP } from './token-steps';

export const TOKEN_STORAGE_STEPS = {
  discover: {
    title: 'Alice opens the photo app',
    explanation:
      'The app reads the discovery document. On the Vulnerable side it is a single-page app that holds its own tokens (public client spa); on the Hardened side the page has a backend for frontend (confidential client web) that holds them.',
    specs: [rfc(8414, '3')],
    notice: ['Both sides use the same hardened authorization server: the difference is only where the client keeps the token.'],
    edges: ['client->as:discovery'],
  },
  buildUrl: {
    title: 'The app builds its authorization request',
    explanation:
      'A code flow with PKCE, on both sides. Nothing here is weak: the attack comes later, from a script injected into the app’s page.',
    specs: [rfc(6749, '4.1.1'), rfc(7636, '4.3')],
    notice: [],
    edges: [],
  },
  redirectToAs: {
    title: 'Alice signs in on the authorization server',
    explanation: 'You are Alice: go to the AS, sign in as alice / wonderland and allow the app.',
    specs: [rfc(6749, '4.1.1')],
    notice: [],
    edges: ['client->browser:redirect', 'browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  callbackReceived: {
    title: 'The code comes back',
    explanation: 'The app checks state and iss, then takes the one-time code.',
    specs: [rfc(6749, '4.1.2'), rfc(9207, '2.4')],
    notice: [],
    edges: ['as->browser:callback', 'browser->client:callback'],
    checklist: { title: 'The app’s checks of the response' },
  },
  spaStores: {
    title: 'The single-page app keeps the token in localStorage',
    explanation:
      'The SPA redeems the code itself and saves the access token in localStorage, so it survives a reload. Every script that runs on the page can read localStorage.',
    specs: [rfc(6749, '4.1.3'), rfc(6750, '5.3')],
    notice: ['RFC 6750 §5.3: clients must keep bearer tokens from unintended parties. A script injected into the page is one.'],
    edges: ['client->as:token'],
    knows: { client: ['Alice’s access token (in localStorage)'] },
  },
  bffSignsIn: {
    title: 'The page hands the code to its backend',
    explanation:
      'The page posts the one-time code to its backend for frontend (/bff/{realm}/session), which redeems ' +
      'it as the confidential client web, keeps the tokens on the server and answers with an HttpOnly ' +
      'session cookie. The token never reaches the browser.',
    specs: [rfc(6749, '4.1.3'), rfc(6750, '5.3')],
    notice: [
      'An HttpOnly cookie is sent by the browser but never shown to scripts: not in document.cookie, not in the Set-Cookie header a fetch returns.',
      'In a full BFF the backend also starts the authorization request and holds the PKCE verifier; here the page passes code and verifier at once.',
    ],
    edges: ['browser->client:bff'],
    knows: { client: ['Alice’s access token (on the server)'], browser: ['an HttpOnly session cookie'] },
  },
  xss: {
    title: 'An injected script runs on the app’s page',
    explanation:
      'Mallory found a cross-site scripting hole in the app (simulated: the lab runs her payload in this page). The payload reads the app’s localStorage and document.cookie, and posts any token it finds to Mallory’s site (/attacker/{realm}/xss).',
    specs: [rfc(6750, '5.3'), rfc(9700, '4.10')],
    notice: [
      'The storage and cookies the payload reads are this page’s real ones; only the injection itself is simulated. Watch the Attacker’s console.',
    ],
    edges: ['browser->attacker:xss'],
  },
  loot: {
    title: 'Mallory looks at what her site received',
    explanation: 'Mallory reads her site’s log for an access token.',
    specs: [rfc(6750, '5.2')],
    notice: ['A bearer token works for whoever presents it, from any machine (RFC 6750 §1.2).'],
    edges: [],
    knows: { attacker: ['Alice’s access token (if it leaked)'] },
  },
  replay: {
    ...REPLAY_STEP,
    title: 'Mallory calls the API from her own machine',
    explanation: 'She calls GET /photos with the stolen token, long after Alice closed the page.',
    edges: ['attacker->rs:replay'],
  },
  ridesSession: {
    title: 'What the HttpOnly cookie does not stop',
    explanation:
      'The payload found no token to steal. But it runs in Alice’s page: it asks the backend for the ' +
      'photos, and the browser attaches Alice’s session cookie as it does for the app itself. While the ' +
      'page is open, an XSS acts as Alice through the browser and the backend; it just cannot take the ' +
      'token away.',
    specs: [rfc(9700, '4.10'), rfc(6750, '5.3')],
    notice: [
      'A real payload would send the answer on to Mallory; the lab does not, so her console shows that nothing was stolen. The fix for XSS itself is the page’s (output encoding, a strict Content-Security-Policy).',
    ],
    edges: ['browser->client:bff'],
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A token in localStorage is one script away from Mallory’s site, and a bearer token works from ' +
      'anywhere. Kept on a backend behind an HttpOnly cookie, there is no token in the page to steal: the ' +
      'XSS is limited to what it can do in Alice’s browser while the page is open.',
    specs: [rfc(6750, '5.3'), rfc(9700, '4.10')],
    notice: ['Compare the payload’s step in both modes: the same script, the same page, a different place for the token.'],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Keep tokens out of JavaScript’s reach: a backend for frontend holds them and gives the browser an ' +
        'HttpOnly, Secure, SameSite session cookie; sender-constrained tokens (DPoP) make a stolen one ' +
        'useless elsewhere. And fix the XSS: the cookie does not.',
      specs: [rfc(6750, '5.3'), rfc(9700, '4.10')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
