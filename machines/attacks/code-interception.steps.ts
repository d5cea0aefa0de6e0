import { rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the code-interception attack and its PKCE-downgrade variant, one meta per step (code-interception.machine.ts). */
export const CODE_INTERCEPTION_STEPS = {
  discover: {
    title: 'Alice’s client reads the authorization server’s metadata',
    explanation:
      'The photo gallery `spa` reads the discovery document for its authorization and token endpoints. Mallory can read it too: it is public.',
    specs: [rfc(8414, '3')],
    notice: [],
    edges: ['client->as:discovery'],
  },
  buildUrl: {
    title: 'Alice’s client builds its authorization request',
    explanation:
      'An ordinary request for the public client `spa`, with its registered redirect URI `/flows/callback`, ' +
      'exactly. Whether it carries a PKCE `code_challenge` is the point of this attack: with PKCE the ' +
      'client keeps a secret `code_verifier` that only it can later show at the token endpoint. This lab’s ' +
      'client leaves PKCE out wherever the authorization server lets it: the Vulnerable realm makes PKCE ' +
      'optional, the Hardened one requires it.',
    specs: [rfc(6749, '4.1.1'), rfc(7636, '4.3'), rfc(9700, '2.1.1')],
    notice: ['In the downgrade variant the client does use PKCE, against either server: the next step shows what Mallory does about it.'],
    edges: [],
    knows: { client: ['state', 'its code_verifier (if it sent a challenge)'] },
  },
  stripChallenge: {
    title: 'Mallory strips the code_challenge from the request',
    explanation:
      'The downgrade: code on the way between the client and the authorization server (a malicious browser ' +
      'extension, a compromised page, a proxy) removes `code_challenge` and `code_challenge_method` from ' +
      'the URL before Alice’s browser opens it. An AS that treats PKCE as optional sees a client that ' +
      'simply did not use it, and issues a code bound to no challenge. Mallory will then send a ' +
      '`code_verifier` of her own anyway, as a PKCE client would: an AS that ignores a verifier for such a ' +
      'code lets her through.',
    specs: [rfc(9700, '4.8'), rfc(9700, '4.8.2')],
    notice: [
      'The defence is on the server: RFC 9700 §4.8.2 makes the AS reject a code_verifier for a code whose request had no code_challenge, and an AS that requires PKCE refuses the stripped request in the first place.',
    ],
    edges: [],
  },
  redirectToAs: {
    title: 'Alice signs in and consents',
    explanation:
      'You play Alice: the browser goes to the real authorization server. Sign in as alice and press Allow. ' +
      'The AS redirects the browser to the registered redirect URI with the code. On a phone, a malicious ' +
      'app that registered the same redirect (the same custom URL scheme) can be the one the operating ' +
      'system hands that redirect to, and Alice’s own app never sees it.',
    specs: [rfc(6749, '4.1.1'), rfc(6749, '4.1.2'), rfc(7636, '1')],
    notice: [
      'How the lab simulates the second app: your browser and the AS are real, and the AS really redirects ' +
        'to the registered /flows/callback. When the browser comes back, the lab hands that redirect URL to ' +
        'Mallory instead of to Alice’s client: the copy the operating system would have given her app.',
    ],
    edges: ['browser->as:authorize', 'user->as:login'],
    pause: 'navigate',
  },
  intercepted: {
    title: 'Mallory’s app receives the authorization response',
    explanation:
      'The redirect carries the code (or the AS’s error) and the state. The state is the client’s, but it protects against CSRF, not against a thief reading the response: Mallory has the code, and Alice’s client has nothing.',
    specs: [rfc(6749, '4.1.2'), rfc(6749, '4.1.2.1'), rfc(7636, '1')],
    notice: ['The exchange below is the redirect as Mallory’s app received it.'],
    edges: ['browser->attacker:code'],
    knows: { attacker: ['Alice’s authorization code (if one was issued)'] },
  },
  redeem: {
    title: 'Mallory redeems the code at the token endpoint',
    explanation:
      'She sends the code as the public client `spa`, which has no secret to lack, with the registered ' +
      'redirect_uri (RFC 6749 §4.1.3). Without PKCE nothing else ties the code to Alice’s client. With PKCE ' +
      'the AS wants the `code_verifier` whose hash is the code’s challenge (RFC 7636 §4.6), which never ' +
      'left Alice’s client. In the downgrade she sends a verifier of her own, for a code that has no ' +
      'challenge.',
    specs: [rfc(6749, '4.1.3'), rfc(7636, '4.5'), rfc(7636, '4.6'), rfc(9700, '4.8.2')],
    notice: [
      'She could also inject the stolen code into her own session at Alice’s client (RFC 9700 §4.5): PKCE stops that too, because the client would send the verifier of Mallory’s session, not the one of Alice’s request.',
    ],
    edges: ['attacker->as:token'],
    knows: { attacker: ['Alice’s access token (if redeemed)'] },
  },
  replay: {
    title: 'Mallory reads Alice’s photos',
    explanation:
      'She calls GET /photos with the token she redeemed. It is a genuine token for alice, issued to spa: the resource server cannot tell who presents it.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'An authorization code is a bearer credential on its way to the client: whoever receives the redirect ' +
      'holds it. PKCE binds it to a secret that never travels through the browser, so a code that lands in ' +
      'the wrong hands cannot be redeemed. And PKCE must be enforced by the AS, not merely offered: a ' +
      'challenge that can be stripped unnoticed protects nothing.',
    specs: [rfc(7636, '1'), rfc(9700, '2.1.1'), rfc(9700, '4.8.2')],
    notice: [
      'Compare the variants: the hardened AS stops the plain interception at the token endpoint (no verifier), and the downgrade already at the authorization endpoint (no challenge).',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Require PKCE (S256) for every authorization code, refuse an authorization request without a code_challenge, and reject a code_verifier for a code issued without a challenge.',
      specs: [rfc(9700, '2.1.1'), rfc(9700, '4.8.2'), rfc(7636, '4.6')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
