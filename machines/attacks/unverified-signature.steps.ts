import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const UNVERIFIED_SIGNATURE_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: edit the payload, keep the signature',
    explanation:
      'Mallory changes `sub` in her own token to `alice` and puts the token back together with the header ' +
      'untouched and the original signature part. The signature was computed over her original header and ' +
      'payload, so it no longer matches: anyone who verifies it will see that.',
    specs: [rfc(7515, '5.2'), rfc(7519, '7.2')],
    notice: [
      'Decoding a JWT is not validating it: a library call that returns the claims without checking the signature (a "decode") gives Mallory’s edited claims back as they are.',
      'Open the forged token in the inspector: it decodes fine, and its signature does not verify with the realm’s key.',
    ],
    edges: [],
    knows: { attacker: ['an edited token for alice with a stale signature'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The vulnerable resource server read the claims without verifying the signature, so any edit passed. The hardened one verifies the signature with the issuer’s key before it reads a single claim, and the edited payload does not match it.',
    specs: [rfc(7515, '5.2'), rfc(9068, '4')],
    notice: [
      'Compare the checklist of the replay step in both modes: the signature check is skipped on the vulnerable side and fails on the hardened one.',
    ],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Validate every JWT with a verifying call (signature, then claims) before trusting any claim; use a decode-only call for display, never for decisions.',
      specs: [rfc(7519, '7.2'), rfc(7515, '5.2'), rfc(9068, '4')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
