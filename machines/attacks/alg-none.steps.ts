import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const ALG_NONE_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: set `alg` to none and drop the signature',
    explanation:
      'Mallory rewrites the header’s `alg` to `none` (or a spelling of it), changes `sub` to `alice`, and leaves the signature part empty: an Unsecured JWS. Nothing about the token proves any more that the authorization server issued it.',
    specs: [rfc(7518, '3.6'), rfc(7515, '4.1.1'), rfc(8725, '2.1')],
    notice: [
      '`alg` is case-sensitive (RFC 7515 §4.1.1): `None`, `NONE` and `nOnE` are not `none` but unknown algorithms. A verifier that lower-cases the header before comparing, or that checks for the exact string `none` only, lets one of them through.',
      'The token ends with a dot: header, payload and an empty signature.',
    ],
    edges: [],
    knows: { attacker: ['a forged token for alice'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'A verifier must decide the algorithm itself, from an allow-list tied to the key it expects, and never take it from the token it is checking. The vulnerable resource server let the token’s own header switch verification off.',
    specs: [rfc(8725, '3.1'), rfc(8725, '2.1')],
    notice: ['Compare the resource server’s checklist in both modes: the vulnerable one reports the algorithm check as weakened.'],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Verify with an explicit allow-list of algorithms bound to the key (here ES256 with the AS’s key) and reject `none` in any spelling; never let the token’s header choose how it is verified.',
      specs: [rfc(8725, '3.1'), rfc(7518, '3.6'), rfc(9068, '4')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
