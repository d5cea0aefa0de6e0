import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const EMBEDDED_JWK_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: sign with her own key and embed it as `jwk`',
    explanation:
      'Mallory generates a fresh ES256 key pair in her browser (WebCrypto). She sets `sub` to `alice`, puts ' +
      'the public half of her key in the header’s `jwk` parameter, sets `kid` to its thumbprint, and signs ' +
      'with her private key. The signature is perfectly valid — for her key, which the authorization server ' +
      'has never seen.',
    specs: [rfc(7515, '4.1.3'), rfc(8725, '3.10'), rfc(7638, '3')],
    notice: [
      'RFC 7515 §4.1.3 defines `jwk` as "the public key that corresponds to the key used to digitally sign ' +
        'the JWS". It says which key signed, not that the key is trusted: a verifier that takes the key from ' +
        'the token it is verifying lets whoever signed vouch for themselves.',
      'No request in this step: the key pair and the signature never leave this page.',
    ],
    edges: [],
    knows: { attacker: ['her own ES256 key pair', 'a token for alice signed with it'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The vulnerable resource server verified the signature with the `jwk` the token carried, so the check ' +
      'proved only that Mallory holds her own key. The hardened one ignores `jwk` and looks the `kid` up ' +
      'among the issuer’s published keys; Mallory’s key is not one of them, so it has no key to verify with ' +
      'and refuses.',
    specs: [rfc(8725, '3.10'), rfc(7515, '4.1.3')],
    notice: [
      'Compare the checklist of the replay step in both modes: the key check is weakened on the vulnerable side and fails on the hardened one.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Verify only with keys from the issuer’s own key set (its jwks_uri, fetched from the issuer’s metadata), chosen by kid; ignore any key the token carries in its header.',
      specs: [rfc(8725, '3.10'), rfc(9068, '4'), rfc(8414, '2')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
