import { oidc, rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the login-CSRF attack, one meta per step (missing-state.machine.ts). */
export const MISSING_STATE_STEPS = {
  discover: {
    title: 'Mallory reads the authorization server’s metadata',
    explanation: 'The discovery document is public: it names the authorization endpoint Mallory’s own sign-in will use.',
    specs: [rfc(8414, '3')],
    notice: [],
    edges: ['attacker->as:discovery'],
  },
  malloryStarts: {
    title: 'Mallory starts a sign-in at the photo gallery, with her own account',
    explanation:
      'Login CSRF does not steal anything from Alice: it gives her something. Mallory starts an ordinary ' +
      'sign-in at the photo gallery `spa`, with the client’s real redirect URI and a `state` of her own. ' +
      'She leaves PKCE out wherever the authorization server lets her: a challenge of hers would bind the ' +
      'code to a verifier that Alice’s client cannot have.',
    specs: [rfc(6749, '4.1.1'), rfc(9700, '4.7')],
    notice: ['This lab realm has the account mallory / mischief: lab realms only, for this attack.'],
    edges: [],
    knows: { attacker: ['her own state'] },
  },
  mallorySignsIn: {
    title: 'Mallory signs in as herself',
    explanation:
      'You play Mallory first: go to the authorization server, sign in as mallory (password mischief) and press Allow. The AS redirects to the client’s callback with a code for Mallory’s account.',
    specs: [rfc(6749, '4.1.2')],
    notice: [
      'The lab plays Mallory’s browser with yours: when the redirect comes back, the lab keeps it for Mallory instead of letting a client redeem it.',
    ],
    edges: ['browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  malloryStops: {
    title: 'Mallory stops before her code is redeemed',
    explanation:
      'She now holds an authorization response for her own account: the callback URL with her code and her state. She does not let it reach any client: the code is single-use and short-lived (60 s here), so she keeps it fresh for Alice.',
    specs: [rfc(6749, '4.1.2'), rfc(6749, '10.12')],
    notice: [],
    edges: [],
    knows: { attacker: ['her own unredeemed code'] },
  },
  plant: {
    title: 'Mallory puts her callback URL on her page',
    explanation:
      'She stores the URL on her site, whose page offers a “Claim your prize” link straight to the client’s ' +
      'callback with her code and her state. A real page would not even need a click: a script, an image or ' +
      'an iframe makes the browser load the URL by itself.',
    specs: [rfc(6749, '10.12'), rfc(9700, '4.7')],
    notice: [
      'Her page sits on her own site (/attacker/{realm}/plant): it only links to the client’s callback, nothing is sent to the client from it.',
    ],
    edges: [],
  },
  aliceVisits: {
    title: 'Alice opens Mallory’s page and follows the link',
    explanation:
      'Now you are Alice, in the same browser: open Mallory’s page and click “Claim your prize”. Alice’s ' +
      'browser loads the client’s callback with Mallory’s code and state. Alice did not sign in anywhere, ' +
      'and had not even started a sign-in at the photo gallery.',
    specs: [rfc(6749, '10.12'), rfc(9700, '4.7')],
    notice: [],
    edges: ['browser->attacker:page', 'browser->client:callback'],
    pause: 'navigate',
  },
  aliceCallback: {
    title: 'Alice’s client receives an authorization response it never asked for',
    explanation:
      'A correct client compares the `state` in the response with the one it bound to this browser’s ' +
      'session before it believes anything else: here it started no sign-in, so no state can match and the ' +
      'response is refused. A client that skips the comparison goes on to redeem whatever code arrives.',
    specs: [rfc(6749, '10.12'), rfc(9700, '4.7'), rfc(9207, '2.4')],
    notice: [
      'The checklist below is the client’s own check of this response, by this lab realm’s client policy (client-skips-state-check in the Vulnerable realm).',
    ],
    edges: [],
    checklist: { title: 'What Alice’s client checked in the response (RFC 6749 §10.12, RFC 9207 §2.4)' },
  },
  clientRedeems: {
    title: 'Alice’s client redeems Mallory’s code',
    explanation:
      'It sends the code to the token endpoint as `spa`, with its redirect URI (RFC 6749 §4.1.3) and no ' +
      'code_verifier, because it started no request that could have one. If Mallory’s code is bound to a ' +
      'challenge, the AS refuses it: PKCE also defends against this attack (RFC 9700 §4.7).',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.6'), rfc(9700, '4.7')],
    notice: ['Decode the ID token in the inspector: its sub is mallory.'],
    edges: ['client->as:token'],
  },
  whoIsSignedIn: {
    title: 'Whose account is Alice’s session?',
    explanation:
      'The client asks UserInfo with its new access token who the user is, as a client does to show the signed-in name. The AS answers for the account the code was issued to.',
    specs: [oidc('5.3', 'UserInfo')],
    notice: [],
    edges: ['client->as:userinfo'],
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'Alice’s browser is signed in to the photo gallery with Mallory’s account unless the client ties ' +
      'every authorization response to a request this browser started. Then whatever Alice does there ' +
      '(upload photos, save a card, type a search) lands in Mallory’s account, where Mallory reads it ' +
      'later. The `state` value bound to the browser’s session is that tie; PKCE and the OIDC nonce give ' +
      'the same protection.',
    specs: [rfc(9700, '4.7'), rfc(6749, '10.12')],
    notice: [
      'On the Vulnerable server, try the PKCE variant: the client still skips the state check, but Mallory’s code is bound to her challenge, and the token endpoint refuses it without its verifier.',
      'On the Hardened server the client checks state, so it refuses Mallory’s response before any code is redeemed.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Bind a one-time state (or PKCE, or the OIDC nonce) to the browser session that started the request, and refuse any authorization response whose state is not the one this session sent.',
      specs: [rfc(6749, '10.12'), rfc(9700, '4.7')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
