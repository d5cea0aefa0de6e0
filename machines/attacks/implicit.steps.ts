import { oidc, rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, REPLAY_STEP } from './token-steps';

export const IMPLICIT_ATTACK_STEPS = {
  discover: {
    title: 'The legacy single-page app finds its authorization server',
    explanation:
      'The legacy app (legacy-spa) signs its users in with the implicit grant. It reads the discovery document to find the authorization endpoint.',
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
      'And the other way round, token injection: the app cannot tell which client a token in its URL was issued to, ' +
        'so Mallory can put into it a token Alice granted to another app, and be signed in as Alice (RFC 9700 §4.6, RFC ' +
        '6749 §10.16). Pick the variant “Token injection” to play it.',
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
  // The `injection` variant (RFC 9700 §4.6, RFC 6749 §10.16): the token goes into the app instead of out of it.
  quizRequest: {
    title: 'Mallory’s quiz app asks Alice to sign in',
    explanation:
      'Mallory registered an app of her own at the same authorization server: a quiz, “Which Wonderland character are ' +
      'you?” (client mallory-quiz). It reads the discovery document and sends Alice to sign in with an ordinary code ' +
      '+ PKCE request for openid profile.',
    specs: [rfc(6749, '4.1.1'), rfc(7636, '4.3'), rfc(6749, '10.16')],
    notice: [
      'Nothing here is forged: Alice really grants Mallory’s app a token, as people grant a token to any app that asks. RFC 6749 §10.16 starts from exactly this: a token granted willingly to an attacker’s client.',
    ],
    edges: ['attacker->as:discovery'],
  },
  quizSignIn: {
    title: 'Alice signs in to the quiz and allows it',
    explanation:
      'You are Alice: sign in as alice / wonderland and allow “Which Wonderland character are you?” to see your name. The authorization server sends the code back to the quiz app.',
    specs: [rfc(6749, '4.1.2')],
    notice: ['The consent page names the quiz, not the legacy app: Alice never signs in to the legacy app at all.'],
    edges: ['browser->as:authorize', 'user->as:login', 'as->browser:callback'],
    pause: 'navigate',
  },
  quizRedeem: {
    title: 'The quiz app redeems the code: Alice’s token, issued to Mallory’s app',
    explanation:
      'Her app redeems the code with its code_verifier. The access token speaks for Alice (sub alice) and was issued to mallory-quiz; the ID token’s aud is mallory-quiz.',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.5'), oidc('3.1.3.3', 'TokenResponse')],
    notice: ['Decode both in the inspector: client_id in the access token and aud in the ID token name Mallory’s app.'],
    edges: ['attacker->as:token'],
    knows: { attacker: ['Alice’s access token (issued to her quiz app)', 'an ID token for her quiz app'] },
  },
  inject: {
    title: 'Mallory swaps Alice’s token into the legacy app’s callback',
    explanation:
      'In her own browser Mallory starts “sign in” at the legacy implicit app, which makes a state for her session ' +
      'and sends her to the AS. She does not sign in: she makes up the redirect back herself, ' +
      '/flows/callback#access_token=…&state=…, with Alice’s token from her quiz app in the fragment.',
    specs: [rfc(9700, '4.6'), rfc(6749, '10.16'), rfc(6749, '4.2.2')],
    notice: [
      'The page’s own checks pass: the state is the one it gave her, the iss is right. Nothing in a fragment says ' +
        'which client the token was issued to, and state protects only against a response planted in someone else’s ' +
        'browser (RFC 6749 §10.12).',
    ],
    edges: ['attacker->client:inject'],
    knows: { client: ['an access token (from the URL)'] },
  },
  clientLogin: {
    title: 'The app’s page signs in with the token from its URL',
    explanation:
      'The legacy app’s page posts the tokens from the fragment to its own backend (POST /lab-client/{realm}/session). The backend asks the resource server whose token it is (GET /profile) and starts a session for that user.',
    specs: [rfc(6749, '10.16'), oidc('3.2.2.11', 'ImplicitIDTValidation')],
    notice: [
      'The hardened backend signs someone in only with an ID token issued to this very app (aud and azp legacy-spa, ' +
        'at_hash binding the access token): the only thing in an implicit response that names the client (OIDC Core ' +
        '§3.1.3.7, §3.2.2.10). The checklist shows what it checked.',
    ],
    edges: ['attacker->client:login'],
    checklist: { title: 'The legacy app’s backend: is this token for me?' },
  },
  injectionOutcome: {
    title: 'Why the injection worked, or why it was blocked',
    explanation:
      'An access token is for the resource server, not a proof of login for the client: any client that signs in ' +
      'whoever a token belongs to can be handed a token issued to another app. RFC 9700 §4.6: in pure OAuth the ' +
      'client has no way to detect the injection.',
    specs: [rfc(9700, '4.6'), rfc(6749, '10.16'), rfc(9068, '6')],
    notice: [
      'Reading the access token’s client_id instead would be no fix: the client must not inspect the access token (RFC 9068 §6), and an opaque token has nothing to read.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text:
        'Use the authorization code grant with PKCE: the client gets its tokens from the token endpoint for a code it ' +
        'redeemed itself, so no token is ever taken from the URL, and an injected code fails PKCE. To sign users in, ' +
        'validate an ID token issued to this client (aud, azp, nonce), never an access token.',
      specs: [rfc(9700, '4.6'), rfc(9700, '2.1.1'), rfc(9700, '4.5'), oidc('3.1.3.7', 'IDTokenValidation')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
