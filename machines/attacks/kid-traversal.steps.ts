import { rfc } from '../step-meta';
import { ATTACK_FAILED_STEP, OWN_TOKEN_STEP, REPLAY_STEP } from './token-steps';
import type { TokenForgerySteps } from './token-forgery';

export const KID_TRAVERSAL_STEPS = {
  ownToken: OWN_TOKEN_STEP,
  forge: {
    title: 'Forge: point `kid` at /dev/null and sign with an empty key',
    explanation:
      'Some resource servers read the verification key from a file named after the token’s `kid`. Mallory ' +
      'sets `kid` to `../../../../dev/null`, which climbs out of the key folder to a file that is always ' +
      'empty, switches `alg` to `HS256`, sets `sub` to `alice`, and computes the HMAC with an empty secret ' +
      '— the same empty secret such a server reads.',
    specs: [rfc(7515, '4.1.4'), rfc(8725, '3.10'), rfc(7518, '3.2')],
    notice: [
      'The lab simulates the file read: no file is opened on the server. The weakened RS joins the `kid` to its key folder as a path; when the result is `/dev/null` it uses an empty key, and any other path is refused as "no such file".',
      'RFC 7515 §4.1.4 leaves the structure of `kid` unspecified: it is an opaque hint. RFC 8725 §3.10 warns that a `kid` used in a file lookup or a database query must be sanitised like any other input from the network.',
      'An empty HMAC key is the same as a single zero byte (HMAC pads the key with zeros, RFC 2104 §2): that is how the browser computes it, since WebCrypto refuses a zero-length key.',
    ],
    edges: [],
    knows: { attacker: ['a token for alice, HS256 with an empty key'] },
  },
  replay: REPLAY_STEP,
  outcome: {
    title: 'Why it worked, or why it was blocked',
    explanation:
      'The vulnerable resource server turned `kid` into a path, read "the key" from a file Mallory chose, ' +
      'and verified the HMAC with an empty secret. The hardened one treats `kid` only as a name to look up ' +
      'among the issuer’s published keys and accepts only the algorithms it expects, so an HS256 token is ' +
      'refused before any key is chosen.',
    specs: [rfc(8725, '3.10'), rfc(8725, '3.1')],
    notice: ['Compare the checklist of the replay step in both modes: the vulnerable RS reports the algorithm and key checks as weakened.'],
    edges: [],
    pause: 'end',
    fix: {
      text: 'Use `kid` only as a key into the issuer’s own key set (never as a path or in a query), bind each key to its algorithm, and refuse empty or short HMAC keys.',
      specs: [rfc(8725, '3.10'), rfc(8725, '3.1'), rfc(7518, '3.2')],
    },
  },
  failed: ATTACK_FAILED_STEP,
} satisfies TokenForgerySteps;
