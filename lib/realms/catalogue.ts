import { HARDENED_POINTS, type PointName, type PolicyPoints } from './policy-points';
import { asCodesReusable } from './weaknesses/as-codes-reusable';
import { asConsentFrameable } from './weaknesses/as-consent-frameable';
import { asHs256WeakSecret } from './weaknesses/as-hs256-weak-secret';
import { asImplicitGrantAllowed } from './weaknesses/as-implicit-grant-allowed';
import { asNoIssInResponse } from './weaknesses/as-no-iss-in-response';
import { asPasswordGrantAllowed } from './weaknesses/as-password-grant-allowed';
import { asPkceOptional } from './weaknesses/as-pkce-optional';
import { asPkcePlainAccepted } from './weaknesses/as-pkce-plain-accepted';
import { asRedirectUriExtraQuery } from './weaknesses/as-redirect-uri-extra-query';
import { asRedirectUriPathNormalisation } from './weaknesses/as-redirect-uri-path-normalisation';
import { asRedirectUriPrefix } from './weaknesses/as-redirect-uri-prefix';
import { asRedirectUriSubstring } from './weaknesses/as-redirect-uri-substring';
import { asRedirectUriWildcardSubdomain } from './weaknesses/as-redirect-uri-wildcard-subdomain';
import { asRefreshTokensReusable } from './weaknesses/as-refresh-tokens-reusable';
import { clientAcceptsAnyToken } from './weaknesses/client-accepts-any-token';
import { clientOpenRedirect } from './weaknesses/client-open-redirect';
import { clientSkipsStateCheck } from './weaknesses/client-skips-state-check';
import type { Weakness } from './weaknesses/define';
import { rsAcceptsAlgNone } from './weaknesses/rs-accepts-alg-none';
import { rsAlgorithmConfusion } from './weaknesses/rs-algorithm-confusion';
import { rsKidPathTraversal } from './weaknesses/rs-kid-path-traversal';
import { rsSkipsAud } from './weaknesses/rs-skips-aud';
import { rsSkipsExp } from './weaknesses/rs-skips-exp';
import { rsSkipsRevocationCheck } from './weaknesses/rs-skips-revocation-check';
import { rsSkipsSignature } from './weaknesses/rs-skips-signature';
import { rsTrustsEmbeddedJwk } from './weaknesses/rs-trusts-embedded-jwk';
import { rsTrustsJku } from './weaknesses/rs-trusts-jku';

export type { Weakness };

/** Every weakness a lab realm may switch on, in the order their strategies are composed. */
export const WEAKNESSES: readonly Weakness[] = [
  rsAcceptsAlgNone,
  rsAlgorithmConfusion,
  rsTrustsEmbeddedJwk,
  rsTrustsJku,
  rsKidPathTraversal,
  rsSkipsSignature,
  rsSkipsExp,
  rsSkipsAud,
  rsSkipsRevocationCheck,
  asHs256WeakSecret,
  asRedirectUriPrefix,
  asRedirectUriSubstring,
  asRedirectUriWildcardSubdomain,
  asRedirectUriPathNormalisation,
  asRedirectUriExtraQuery,
  asPkceOptional,
  asPkcePlainAccepted,
  asCodesReusable,
  asRefreshTokensReusable,
  asImplicitGrantAllowed,
  asPasswordGrantAllowed,
  asConsentFrameable,
  asNoIssInResponse,
  clientSkipsStateCheck,
  clientOpenRedirect,
  clientAcceptsAnyToken,
];

const BY_NAME = new Map(WEAKNESSES.map((w) => [w.name, w]));

export function findWeakness(name: string): Weakness | undefined {
  return BY_NAME.get(name);
}

/** `GET /api/weaknesses`: the catalogue as data (DESIGN.md "Lab realms and the attack lab"). */
export function catalogueDocument(): Array<{
  name: string;
  point: PointName;
  attack: string;
  specs: string[];
  server: Weakness['server'];
}> {
  return WEAKNESSES.map((w) => ({ name: w.name, point: w.point, attack: w.attack, specs: [...w.specs], server: w.server }));
}

export type SelectionResult = { ok: true; weaknesses: Weakness[] } | { ok: false; description: string };

/**
 * Checks a requested weakness list: every name known, no duplicates, at most one weakness per
 * policy point. Returns them in catalogue order (the order they compose in).
 */
export function selectWeaknesses(names: readonly string[]): SelectionResult {
  const chosen = new Set<Weakness>();
  for (const name of names) {
    const w = BY_NAME.get(name);
    if (!w) return { ok: false, description: `Unknown weakness "${String(name).slice(0, 60)}"; GET /api/weaknesses lists them.` };
    chosen.add(w);
  }
  const byPoint = new Map<PointName, Weakness>();
  for (const w of chosen) {
    const other = byPoint.get(w.point);
    if (other)
      return {
        ok: false,
        description: `The weaknesses "${other.name}" and "${w.name}" both fill the policy point ${w.point}; choose one.`,
      };
    byPoint.set(w.point, w);
  }
  return { ok: true, weaknesses: WEAKNESSES.filter((w) => chosen.has(w)) };
}

/** The hardened points with each weakness applied in turn. */
export function composePoints(weaknesses: readonly Weakness[]): Readonly<PolicyPoints> {
  let points: PolicyPoints = { ...HARDENED_POINTS };
  for (const w of weaknesses) points = { ...points, ...w.apply(points) };
  return Object.freeze(points);
}
