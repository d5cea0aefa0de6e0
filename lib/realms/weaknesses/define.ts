import type { PointName, PolicyPoints } from '../policy-points';

/**
 * One named weakness of a lab realm: the policy point it replaces, the attack it enables, the
 * sections it violates, and the code. `apply` receives the points as composed so far (hardened,
 * then earlier weaknesses) and returns the strategies it replaces — usually only at `point`; a
 * weakness that also needs a neighbouring point (algorithm confusion also lets HS* through the
 * algorithm check) wraps that point's current strategy, so weaknesses at different points combine.
 */
export interface Weakness {
  /** Kebab-case catalogue name, e.g. `rs-accepts-alg-none`. */
  name: string;
  /** The policy point it fills: two weaknesses at one point cannot be combined. */
  point: PointName;
  /** The attack it makes possible, in one sentence. */
  attack: string;
  /** The sections it violates, e.g. `RFC 8725 §3.1`. */
  specs: readonly string[];
  /** Who is weakened: `client` weaknesses are applied by the flow machines, not the servers. */
  server: 'as' | 'rs' | 'client';
  apply(points: Readonly<PolicyPoints>): Partial<PolicyPoints>;
  /** The realm needs an HMAC signing secret (the weak-secret weakness). */
  needsHmacSecret?: boolean;
}

export const defineWeakness = (w: Weakness): Weakness => Object.freeze(w);
