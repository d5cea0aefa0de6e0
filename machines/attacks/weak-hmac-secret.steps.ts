import { rfc, type StepMeta } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';

export const WEAK_HMAC_STEPS = {
  ownToken: {
    ...OWN_TOKEN_STEP,
    notice: [
      ...OWN_TOKEN_STEP.notice,
      'Look at `alg`: the vulnerable realm signs HS256, an HMAC whose secret the authorization server shares with the resource server; the hardened realm signs ES256 with a private key that never leaves the authorization server.',
    ],
  },
  crack: {
    title: 'Crack the signing secret in the browser',
    explanation:
      'One HS256 token is all an offline guesser needs: its signature is HMAC-SHA256 of the header and ' +
      'payload under the secret, so each guess from a wordlist is checked by computing that HMAC and ' +
      'comparing, without asking any server. The guessing runs in a Web Worker in this tab; no request is ' +
      'sent. If the token is not HS256 there is no shared secret to guess: an ES256 signature is made with ' +
      'the authorization server’s private key and checked with its public key.',
    specs: [rfc(8725, '2.2'), rfc(8725, '3.5'), rfc(7518, '3.2'), rfc(7518, '3.4')],
    notice: [
      'RFC 7518 §3.2 asks for an HS256 key of at least 256 bits; RFC 8725 §3.5 says a human-memorable password must not be used as one. A secret from a common-password list falls in a fraction of a second.',
      'The figures are measured in this browser as the worker runs: guesses tried, the list’s size, and guesses per second.',
    ],
    edges: [],
    knows: { attacker: ['her own access token', 'the HMAC secret, if she cracked it'] },
  },
  forge: {
    title: 'Forge: `sub` = alice, signed with the secret',
    explanation:
      'With the cracked secret Mallory holds the same key the authorization server signs with: she changes ' +
      '`sub` to `alice` and signs HS256 again, and the token is as genuine as any the issuer made. Without ' +
      'a secret she can only guess: she signs HS256 with a common password and hopes the resource server ' +
      'accepts it.',
    specs: [rfc(8725, '3.5'), rfc(7515, '5.1'), rfc(7518, '3.2')],
    notice: [
      'Everything else in the token is kept, even its `jti`: it names Mallory’s real, live token, so a resource server that asks whether the authorization server still knows the `jti` finds it.',
    ],
    edges: [],
    knows: { attacker: ['a forged token for alice'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A MAC proves only that whoever made it holds the secret. A guessable secret makes everyone who ' +
      'guesses it an issuer. Against the vulnerable realm the cracked secret produced a valid signature, ' +
      'and the resource server could not tell the forgery from a real token. The hardened realm signs ' +
      'ES256: there was nothing to crack, and its resource server accepts only ES256 with the authorization ' +
      'server’s key, so an HS256 token is refused whatever secret signed it.',
    specs: [rfc(8725, '3.5'), rfc(8725, '3.1'), rfc(7518, '3.2')],
    notice: [
      'Compare the resource server’s checklist in both modes: the vulnerable one reports a passing signature on the forged token — a correct verdict under a secret that is no secret.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Sign with an asymmetric algorithm (ES256, as the hardened realm does) so that verifiers hold no signing key; if HMAC must be used, use a random key of at least 256 bits, never a password, and allow only the expected algorithm.',
      specs: [rfc(8725, '3.5'), rfc(7518, '3.2'), rfc(8725, '3.1')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies Record<string, StepMeta>;
