/**
 * Where /learn sends the learner: a step of a flow (`/flows/<grant>?step=N`, the player's 1-based
 * position on the run's trail) or an attack of the lab (`/attacks/<slug>`).
 *
 * The trails are the runs' happy paths as the machines record them; links.test.ts checks each name
 * against the machine's own steps and replays the client-credentials machine to check the numbers.
 * The player advances by itself to `?step=N` only up to the first step where the learner must act
 * (the trip to the AS, the approval on the second device), so links point at those steps or before.
 */
export const FLOW_TRAILS = {
  'authorization-code': [
    'discover',
    'makeVerifier',
    'buildUrl',
    'redirectToAs',
    'callbackReceived',
    'callbackAccepted',
    'tokenRequest',
    'validateIdToken',
    'callApi',
    'userinfo',
    'done',
  ],
  'refresh-token': [
    'discover',
    'makeVerifier',
    'buildUrl',
    'redirectToAs',
    'callbackReceived',
    'callbackAccepted',
    'tokenRequest',
    'refresh1',
    'callApi',
    'refresh2',
    'replaySpent',
    'tryCurrent',
    'callApiRevoked',
    'done',
  ],
  'client-credentials': ['discover', 'tokenRequest', 'callApi', 'done'],
  implicit: ['discover', 'buildUrl', 'redirectToAs', 'callbackReceived', 'tokenAccepted', 'callApi', 'useInstead'],
  password: ['discover', 'askPassword', 'tokenRequest', 'callApi', 'useInstead'],
  'device-code': ['discover', 'deviceAuthorization', 'polling', 'tokenResponse', 'validateIdToken', 'callApi', 'done'],
} as const;

export type Grant = keyof typeof FLOW_TRAILS;
export type FlowStep<G extends Grant> = (typeof FLOW_TRAILS)[G][number];

export const GRANTS = Object.keys(FLOW_TRAILS) as Grant[];

export function flowStepHref<G extends Grant>(grant: G, step: FlowStep<G>): string {
  const n = (FLOW_TRAILS[grant] as readonly string[]).indexOf(step) + 1;
  return `/flows/${grant}?step=${n}`;
}

export const flowHref = (grant: Grant) => `/flows/${grant}`;

/** The attack lab's pages (the lab's slugs; DESIGN.md "Attack pages /attacks/{attack}"). */
export const ATTACK_SLUGS = [
  'alg-none',
  'algorithm-confusion',
  'weak-hmac-secret',
  'embedded-jwk',
  'jku',
  'kid-traversal',
  'missing-claim-checks',
  'unverified-signature',
  'revocation',
  'stolen-token-dpop',
  'redirect-uri',
  'open-redirect',
  'missing-state',
  'code-interception',
  'mix-up',
  'token-storage',
  'clickjacking',
  'refresh-replay',
] as const;

export type AttackSlug = (typeof ATTACK_SLUGS)[number];

export const attackHref = (slug: AttackSlug) => `/attacks/${slug}`;
