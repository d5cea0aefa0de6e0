import { posix } from 'node:path';
import { OAuthError } from '../../oauth-server/errors';
import { isHmac } from '../../jwt/algorithms';
import { defineWeakness } from './define';

/** Where the naive RS believes its key files are. Nothing is ever read from disk: the lookup is simulated. */
const KEY_DIR = '/srv/flowlab/keys';

/**
 * The RS reads "the key file named by kid". `../../../../dev/null` escapes the key folder and names an
 * empty file: an empty HMAC secret, which Mallory knows too. Simulated: no file is opened.
 */
export const rsKidPathTraversal = defineWeakness({
  name: 'rs-kid-path-traversal',
  point: 'rs.key-from-kid-path',
  attack:
    'kid path traversal — Mallory sets kid to ../../../../dev/null; the RS loads an empty key, and Mallory signs HS256 with an empty secret.',
  specs: ['RFC 8725 §3.10'],
  server: 'rs',
  apply: (points) => ({
    'rs.algorithm': (alg, allowed) => (isHmac(alg) ? 'weakened' : points['rs.algorithm'](alg, allowed)),
    'rs.key-from-kid-path': async (header) => {
      const kid = header.kid;
      if (typeof kid !== 'string' || !kid.includes('/') || !isHmac(header.alg)) return undefined;
      const file = posix.join(KEY_DIR, kid);
      if (file === '/dev/null')
        return { alg: header.alg, key: new Uint8Array(0), outcome: 'weakened', source: `the file ${file} (empty), named by kid` };
      throw new OAuthError(
        'invalid_token',
        `The kid names the file ${file.slice(0, 80)}, which does not exist on this (simulated) server.`,
        401,
      );
    },
  }),
});
