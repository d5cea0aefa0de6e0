import { PROLOGUE_STEPS } from '../auth-code-prologue';
import { oidc, rfc, RS_CHECKLIST, RS_REPORT_NOTICE, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP } from './token-steps';

/** The words of the refresh-token replay attack, one meta per step (refresh-replay.machine.ts). */
export const REFRESH_REPLAY_STEPS = {
  ...PROLOGUE_STEPS,
  buildUrl: {
    ...PROLOGUE_STEPS.buildUrl,
    notice: [
      'Alice’s client is the public photo gallery `spa`. It asks for `offline_access`, so that it gets a refresh token (OIDC Core §11; this AS issues one only then), and sends `prompt=consent`, as OIDC Core §11 requires for offline access.',
    ],
  },
  redirectToAs: {
    ...PROLOGUE_STEPS.redirectToAs,
    title: 'Alice signs in to the photo gallery',
    explanation:
      'First Alice needs a session worth stealing: a real sign-in with the authorization-code flow and ' +
      'PKCE. You play Alice: go to the authorization server, sign in as alice and press Allow. The browser ' +
      'comes back to the client’s callback with the code.',
  },
  tokenRequest: {
    ...PROLOGUE_STEPS.tokenRequest,
    title: 'Alice’s client redeems the code: refresh token #1',
    explanation:
      'The client redeems the code with its verifier. Because Alice granted offline_access, the answer carries a refresh token besides the access and ID tokens: the start of a family of refresh tokens that all stand for this one grant.',
    specs: [rfc(6749, '4.1.3'), rfc(6749, '5.1'), oidc('11', 'OfflineAccess')],
    notice: [
      'A refresh token outlives the access token by far (24 hours here against 10 minutes): whoever holds it can get new access tokens without Alice.',
    ],
    knows: { client: ['Alice’s access token', 'refresh token #1'] },
  },
  leak: {
    title: 'A copy of refresh token #1 leaks to Mallory',
    explanation:
      'The client keeps the refresh token in the browser, and a copy of it escapes: an XSS payload that ' +
      'reads the storage, a synced backup, a log line. The lab does not stage the theft itself: it simply ' +
      'hands Mallory a copy of refresh token #1, exactly the string Alice’s client holds. What matters is ' +
      'what the authorization server does when two parties hold it.',
    specs: [rfc(9700, '4.14'), rfc(6749, '10.4')],
    notice: [
      '`spa` is a public client: it has no secret, so the refresh token alone is enough to use it (RFC 6749 §10.4 binds a refresh token to its client, but a public client cannot prove who it is).',
      'For public clients RFC 9700 §4.14.2 requires one of two defences: sender-constrained refresh tokens (DPoP, mTLS), or rotation with reuse detection. This lab shows rotation.',
    ],
    edges: ['client->attacker:leak'],
    knows: { attacker: ['a copy of refresh token #1'] },
  },
  aliceRefreshes: {
    title: 'Alice’s client refreshes, as it does every few minutes',
    explanation:
      'Its access token is about to expire, so the client sends grant_type=refresh_token with refresh token ' +
      '#1 (RFC 6749 §6). A rotating AS answers with new tokens and a new refresh token #2, and notes #1 as ' +
      'spent; an AS without rotation hands the same refresh token back, valid as before.',
    specs: [rfc(6749, '6'), rfc(9700, '4.14.2')],
    notice: ['Look at “refresh_token in the answer” below: a new one, or the same one.'],
    edges: ['client->as:refresh'],
    knows: { client: ['its current refresh token'], as: ['#1 spent (if it rotates)'] },
  },
  malloryReplays: {
    title: 'Mallory presents her copy of refresh token #1',
    explanation:
      'From her own machine Mallory sends the very request Alice’s client sent: grant_type=refresh_token, ' +
      'client_id=spa, refresh token #1. Nothing in it tells the AS who is sending it. Without rotation #1 ' +
      'is still valid, and she gets a fresh access token for Alice. With rotation #1 is spent: a spent ' +
      'token coming back means two parties hold it, and since the AS cannot tell which one is the thief, it ' +
      'revokes the whole family.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '10.4'), rfc(6749, '5.2')],
    notice: [
      'Reuse detection does not depend on who is faster: had Mallory used #1 before Alice’s client, the client’s own refresh would have been the reuse, with the same result.',
    ],
    edges: ['attacker->as:refresh'],
    knows: { attacker: ['an access token for Alice (if accepted)'] },
  },
  aliceRefreshesAgain: {
    title: 'Alice’s client refreshes again with its current refresh token',
    explanation:
      'A few minutes later the client refreshes with the refresh token it holds now, one it never misused. ' +
      'Without rotation it still works, and neither Alice nor the client notices that Mallory holds the ' +
      'same token. With rotation the family is revoked, so this one is refused too: Alice is signed out and ' +
      'must sign in again.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '5.2')],
    notice: [
      'This is the price of rotation: the honest client loses its session too. It is also the alarm: Alice signs in again, Mallory cannot.',
    ],
    edges: ['client->as:refresh'],
  },
  malloryReadsPhotos: {
    title: 'Mallory reads Alice’s photos',
    explanation:
      'She calls GET /photos with the access token she minted from her copy. The resource server sees a genuine token for alice. And the refresh token in her answer is the same one she sent: she can repeat this for as long as the family lives.',
    specs: [rfc(6750, '2.1'), rfc(9068, '4')],
    notice: [RS_REPORT_NOTICE],
    edges: ['attacker->rs:replay'],
    checklist: RS_CHECKLIST,
  },
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A refresh token that can be used again and again is a long-lived credential: a copy works silently ' +
      'until it expires. Rotation makes every refresh token single-use and keeps the link between them, so ' +
      'the first time a spent one comes back the AS knows two parties hold the family, and ends it.',
    specs: [rfc(9700, '4.14.2'), rfc(6749, '10.4'), rfc(9700, '2.2.2')],
    notice: [
      'Rotation detects the theft only once both parties have used the token. Sender-constrained refresh tokens (DPoP, RFC 9449) make a copy useless from the start, because every use needs the client’s private key.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'For public clients, rotate refresh tokens on every use and revoke the whole family when a spent one is presented again, or bind refresh tokens to a key the client holds (DPoP, mTLS).',
      specs: [rfc(9700, '4.14.2'), rfc(9700, '2.2.2')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
