import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const ALGORITHM_CONFUSION_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: sign HS256 with the RS256 public key as the secret',
    explanation:
      'Mallory downloads the realm’s public key set from `jwks_uri`, takes its RS256 key and writes it out ' +
      'as PEM text, the way a resource server that keeps "the key" in a file would load it. She changes ' +
      '`alg` to `HS256`, sets `sub` to `alice`, keeps `kid` naming the RSA key, and computes HMAC-SHA256 ' +
      'over the token with the PEM’s bytes as the secret. Everything she used is public.',
    specs: [rfc(8725, '2.1'), rfc(7518, '3.2'), rfc(7517, '5'), rfc(8414, '2')],
    notice: [
      'A symmetric algorithm uses the same key to sign and to verify. A verifier that passes "the key" it has to whatever algorithm the header names verifies this MAC with the RSA public key’s bytes, which Mallory knows.',
      'The secret must match byte for byte: here the SPKI PEM with 64-character lines and no trailing newline, as the lab’s weakened RS loads it. ' +
        'Real tools try several spellings (a trailing newline, PKCS#1) because one byte more gives another MAC.',
    ],
    edges: ['attacker->as:jwks'],
    knows: { attacker: ['the realm’s RS256 public key (PEM)', 'a forged HS256 token for alice'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The vulnerable resource server let the token’s header pick the algorithm and then used its RSA ' +
      'public key as an HMAC secret. The hardened one accepts only the algorithm it expects from the AS ' +
      '(ES256 and RS256 with the realm’s own keys, each key bound to its own algorithm), so an HS256 header ' +
      'is refused before any key is looked at.',
    specs: [rfc(8725, '2.1'), rfc(8725, '3.1')],
    notice: ['Compare the checklist of the replay step in both modes: the vulnerable RS reports the algorithm and key checks as weakened.'],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Bind every key to one algorithm and verify with an allow-list chosen by the verifier, never by the token: an RSA key verifies RS256 only, and a public key is never an HMAC secret.',
      specs: [rfc(8725, '3.1'), rfc(8725, '2.1'), rfc(7517, '4.4')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
