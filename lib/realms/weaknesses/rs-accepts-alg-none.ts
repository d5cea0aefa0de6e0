import { spellsNone } from '../../jwt/algorithms';
import { defineWeakness } from './define';

/** A naive allow-list check that lower-cases `alg`, or forgets to exclude `none`: the unsecured JWS passes. */
export const rsAcceptsAlgNone = defineWeakness({
  name: 'rs-accepts-alg-none',
  point: 'rs.algorithm',
  attack: 'alg: none — Mallory edits the payload, sets alg to none (or None, NONE, nOnE) and drops the signature; the RS accepts it.',
  specs: ['RFC 8725 §2.1', 'RFC 8725 §3.1', 'RFC 7518 §3.6'],
  server: 'rs',
  apply: (points) => ({
    'rs.algorithm': (alg, allowed) => (spellsNone(alg) ? 'weakened' : points['rs.algorithm'](alg, allowed)),
  }),
});
