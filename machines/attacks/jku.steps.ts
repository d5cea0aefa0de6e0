import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const JKU_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: publish her key set and name it in `jku`',
    explanation:
      'Mallory generates an ES256 key pair in her browser and publishes its public half as a JWK Set on her ' +
      'own site (`PUT /attacker/{realm}/jwks`, the lab’s stand-in for any server she controls). She sets ' +
      'the header’s `jku` to that URL and `kid` to her key’s thumbprint, sets `sub` to `alice`, and signs ' +
      'with her private key.',
    specs: [rfc(7515, '4.1.2'), rfc(8725, '3.10'), rfc(7517, '5')],
    notice: [
      'RFC 7515 §4.1.2 defines `jku` as a URL for the key set "one of which corresponds to the key used to digitally sign the JWS". Like `jwk`, it says where the signer’s key is, not that anyone should trust it.',
      'In the lab no server fetches a URL: the weakened RS honours a `jku` only when it is exactly this ' +
        'realm’s own attacker route, and then reads Mallory’s key set in-process from the realm’s store. Any ' +
        'other `jku` is refused without a request (pick the variant that points outside the lab to see it). A ' +
        'real vulnerable RS would fetch whatever URL the token names, which is also a server-side request ' +
        'forgery.',
    ],
    edges: [],
    knows: { attacker: ['her own ES256 key pair, published on her site', 'a token for alice signed with it'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The vulnerable resource server loaded the key set the token named and verified the signature with ' +
      'Mallory’s key. The hardened one ignores `jku`: it verifies only with the issuer’s own keys, finds ' +
      'none with Mallory’s `kid`, and refuses. A `jku` outside the lab is refused by both, and nothing is ' +
      'fetched.',
    specs: [rfc(8725, '3.10'), rfc(7515, '4.1.2')],
    notice: [
      'Compare the checklist of the replay step in both modes: the key check is weakened on the vulnerable side and fails on the hardened one.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Take keys only from the issuer’s jwks_uri, learned from its metadata; ignore a jku in the token (or, if one must be honoured, allow only exact, pre-registered URLs).',
      specs: [rfc(8725, '3.10'), rfc(8414, '2'), rfc(9068, '4')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
