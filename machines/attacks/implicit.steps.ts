import { rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, REPLAY_STEP } from './token-steps';

export const IMPLICIT_ATTACK_STEPS = {
  discover: {
    title: 'Alice opens the legacy single-page app',
    explanation: 'The app (legacy-spa) uses the implicit grant. It reads the discovery document to find the authorization endpoint.',
    specs: [rfc(8414, '3'), rfc(6749, '4.2')],
    notice: [
      'Its callback page, like many, loads a third-party script (analytics, a chat widget). The lab simulates one that Mallory controls.',
    ],
    edges: ['client->as:discovery'],
  },
  buildUrl: {
    title: 'The app asks for a token in the URL',
    explanation:
      'The app builds an authorization URL with response_type=token: the AS is to put the access token itself into the redirect’s fragment.',
    specs: [rfc(6749, '4.2.1'), rfc(9700, '2.1.2')],
    notice: ['No code and no PKCE: once the token is in the URL, whoever reads the URL holds the token.'],
    edges: [],
  },
  redirectToAs: {
    title: 'Alice signs in on the authorization server',
    explanation:
      'You are Alice: go to the AS, sign in as alice / wonderland and allow the app. A hardened AS sends you straight back with an error instead.',
    specs: [rfc(6749, '4.2.1')],
    notice: ['Nothing is wrong with the sign-in itself: the leak comes after.'],
    edges: ['client->browser:redirect', 'browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  callbackReceived: {
    title: 'The token lands in the callback URL',
    explanation:
      'The AS redirected the browser to /flows/callback with the access token after the #. The fragment never reaches a server, but it is part of the URL the browser visited, and every script on the page can read it.',
    specs: [rfc(6749, '4.2.2'), rfc(9700, '4.3.2')],
    notice: [
      'Leak 1, browser history: the URL with the token is a page the browser visited, so it is in the history (RFC 9700 §4.3.2); anyone with the browser later, or a history sync, has it.',
      'Not a leak: Referer. Browsers never put the fragment in a Referer header (RFC 9110 §10.1.3); the Referer leak belongs to the code flow, whose code is in the query (RFC 9700 §4.2).',
      'Leak 3, token injection: the app cannot tell which client a token in its URL was issued to, so an attacker can put a token of her own into it (RFC 9700 §4.6, RFC 6749 §10.16). The lab does not play that variant yet.',
    ],
    edges: ['as->browser:callback', 'browser->client:callback'],
    knows: { browser: ['access token (in the URL)'] },
  },
  thirdPartyScript: {
    title: 'Leak 2: a third-party script reads location.hash',
    explanation:
      'The script on the callback page reads location.hash and posts it to Mallory’s site (/attacker/{realm}/fragment). The lab plays the script’s request; it is the same request any script on the page may send.',
    specs: [rfc(9700, '2.1.2'), rfc(9700, '4.3')],
    notice: [
      'Watch the Attacker’s console. On the hardened side location.hash is empty: the script has nothing to send, and the console stays empty.',
    ],
    edges: ['browser->attacker:fragment'],
  },
  loot: {
    title: 'Mallory looks at what her site received',
    explanation:
      'Mallory reads her site’s log (GET /attacker/{realm}/log, shown in the Attacker’s console) and picks the newest access_token.',
    specs: [rfc(6750, '5.2')],
    notice: ['A bearer token works for whoever presents it (RFC 6750 §1.2).'],
    edges: [],
    knows: { attacker: ['Alice’s access token (if it leaked)'] },
  },
  replay: {
    ...REPLAY_STEP,
    title: 'Mallory calls the API with Alice’s token',
    explanation: 'She calls GET /photos with the stolen token as a bearer token.',
    edges: ['attacker->rs:replay'],
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The implicit grant puts the access token into a URL: into history, within reach of every script on the page and along redirects. A hardened AS refuses response_type=token, so no token ever travels in the browser.',
    specs: [rfc(9700, '2.1.2'), rfc(9700, '4.3'), rfc(9700, '4.6')],
    notice: ['Compare the callback URL in both modes: a token after the # versus an error in the query.'],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Refuse response_type=token at the AS and use the authorization code grant with PKCE: only a one-time, short-lived code crosses the browser, and only the holder of the verifier can redeem it.',
      specs: [rfc(9700, '2.1.2'), rfc(9700, '2.1.1'), rfc(7636, '1')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
