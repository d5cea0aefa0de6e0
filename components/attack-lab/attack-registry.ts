import { rfc, type SpecRef } from '@/machines/step-meta';

export type AttackGroup = 'tokens' | 'browser' | 'deprecated';

export const GROUPS: ReadonlyArray<{ id: AttackGroup; title: string; summary: string }> = [
  { id: 'tokens', title: 'Token attacks', summary: 'Forged, cracked and stolen JWTs against a resource server that trusts too much.' },
  { id: 'browser', title: 'Browser-flow attacks', summary: 'Codes and tokens that leak or are planted on the way through the browser.' },
  {
    id: 'deprecated',
    title: 'Deprecated grants',
    summary: 'Implicit and password grants, removed by OAuth 2.1, shown as the attacks they enable.',
  },
];

/**
 * One attack the lab lists: what the index and the page show. Plain data, so that server pages can read
 * it; a playable attack's definition (machine, panels) loads from attack-loaders.ts, which only the player
 * imports (a server page that imported the loaders would pull every attack's client panels into its chunk).
 */
export interface AttackEntry {
  slug: string;
  title: string;
  group: AttackGroup;
  /** What it teaches, in one line. */
  teaches: string;
  specs: readonly SpecRef[];
  /** Absent while the attack is not built yet: the index says so instead of linking a page that does not exist. */
  playable?: true;
}

const ENTRIES = [
  {
    slug: 'alg-none',
    title: 'alg: none',
    group: 'tokens',
    teaches:
      'Mallory removes the signature and sets alg to none (or None, NONE, nOnE); a resource server that lets the token choose its algorithm accepts it.',
    specs: [rfc(8725, '2.1'), rfc(8725, '3.1'), rfc(7518, '3.6')],
    playable: true,
  },
  {
    slug: 'algorithm-confusion',
    title: 'Algorithm confusion (RS256 → HS256)',
    group: 'tokens',
    teaches:
      'The public key from the JWKS used as an HMAC secret: an RS that trusts the header’s alg verifies Mallory’s HS256 token with it.',
    specs: [rfc(8725, '2.1'), rfc(8725, '3.1')],
    playable: true,
  },
  {
    slug: 'weak-hmac-secret',
    title: 'Weak HMAC secret',
    group: 'tokens',
    teaches: 'Crack an HS256 secret from a wordlist in your browser, then mint any token the issuer could.',
    specs: [rfc(8725, '2.2'), rfc(8725, '3.5'), rfc(7518, '3.2')],
    playable: true,
  },
  {
    slug: 'embedded-jwk',
    title: 'Embedded jwk header',
    group: 'tokens',
    teaches: 'An RS that verifies with the key inside the token accepts a token Mallory signed with her own key.',
    specs: [rfc(7515, '4.1.3'), rfc(8725, '3.10')],
    playable: true,
  },
  {
    slug: 'jku',
    title: 'jku: a key set chosen by the token',
    group: 'tokens',
    teaches:
      'An RS that fetches the JWKS a token names verifies with Mallory’s keys; the lab resolves only her same-origin attacker site, in-process.',
    specs: [rfc(7515, '4.1.2'), rfc(8725, '3.10')],
    playable: true,
  },
  {
    slug: 'kid-traversal',
    title: 'kid path traversal',
    group: 'tokens',
    teaches: 'A kid of ../../../../dev/null makes a naive RS use an empty key, and Mallory signs with it.',
    specs: [rfc(7515, '4.1.4'), rfc(8725, '3.10')],
    playable: true,
  },
  {
    slug: 'missing-claim-checks',
    title: 'Missing exp and aud checks',
    group: 'tokens',
    teaches: 'An expired token accepted, and a token minted for another API replayed where the RS does not check the audience.',
    specs: [rfc(8725, '3.8'), rfc(8725, '3.9'), rfc(9068, '4')],
    playable: true,
  },
  {
    slug: 'unverified-signature',
    title: 'Unverified signature',
    group: 'tokens',
    teaches: 'An RS that only decodes the token accepts any edited payload with the old signature.',
    specs: [rfc(7515, '5.2'), rfc(9068, '4')],
    playable: true,
  },
  {
    slug: 'revocation',
    title: 'Revocation: JWT vs opaque tokens',
    group: 'tokens',
    teaches:
      'Revoke a token, then call the API: a self-contained JWT verified locally still works until exp; an introspected opaque token stops at once.',
    specs: [rfc(7009, '2'), rfc(7662, '2')],
    playable: true,
  },
  {
    slug: 'stolen-token-dpop',
    title: 'Stolen bearer token vs DPoP',
    group: 'tokens',
    teaches:
      'A stolen bearer token works from any machine; a DPoP-bound one is useless without the private key, and a replayed proof is refused.',
    specs: [rfc(9449, '1'), rfc(9449, '7'), rfc(6750, '5.2')],
    playable: true,
  },
  {
    slug: 'redirect-uri',
    title: 'Redirect-URI manipulation',
    group: 'browser',
    teaches:
      'Loose redirect matching (prefix, path normalisation, substring) sends Alice’s code to Mallory’s site, and she redeems it; PKCE saves only a code whose verifier she lacks.',
    specs: [rfc(9700, '4.1'), rfc(9700, '2.1.1')],
    playable: true,
  },
  {
    slug: 'open-redirect',
    title: 'Open redirect + lax redirect check',
    group: 'browser',
    teaches: 'An open redirector on the client chained with a lax redirect check carries an implicit token’s fragment to Mallory.',
    specs: [rfc(9700, '4.1.2'), rfc(9700, '4.1.3'), rfc(9700, '4.11.1')],
    playable: true,
  },
  {
    slug: 'missing-state',
    title: 'Missing state: login CSRF',
    group: 'browser',
    teaches: 'Mallory plants her own authorization code in Alice’s callback; without state, Alice ends up in Mallory’s account.',
    specs: [rfc(9700, '4.7'), rfc(6749, '10.12')],
    playable: true,
  },
  {
    slug: 'code-interception',
    title: 'Code interception and PKCE downgrade',
    group: 'browser',
    teaches: 'A malicious app receives the code; without PKCE it redeems it. Stripping the challenge is the downgrade PKCE must detect.',
    specs: [rfc(9700, '4.5'), rfc(9700, '4.8'), rfc(7636, '1')],
    playable: true,
  },
  {
    slug: 'mix-up',
    title: 'Mix-up',
    group: 'browser',
    teaches:
      'A client talking to two authorization servers sends the honest one’s code to the evil one; the iss response parameter defends.',
    specs: [rfc(9700, '4.4'), rfc(9207, '2')],
    playable: true,
  },
  {
    slug: 'token-storage',
    title: 'Token storage and XSS',
    group: 'browser',
    teaches:
      'An XSS payload reads a token from localStorage; behind an HttpOnly cookie (a backend for frontend) there is nothing to read — but the XSS can still call the API.',
    specs: [rfc(6750, '5.3'), rfc(9700, '4.10')],
    playable: true,
  },
  {
    slug: 'clickjacking',
    title: 'Clickjacking the consent page',
    group: 'browser',
    teaches:
      'Mallory frames the consent page of her own authorization request under a decoy button; Alice’s click is an Allow. frame-ancestors stops it.',
    specs: [rfc(9700, '4.16'), rfc(6749, '10.13')],
    playable: true,
  },
  {
    slug: 'refresh-replay',
    title: 'Refresh-token replay',
    group: 'browser',
    teaches:
      'A stolen refresh token used after rotation: with reuse detection the whole family dies; without it Mallory keeps minting tokens.',
    specs: [rfc(9700, '4.14.2')],
    playable: true,
  },
  {
    slug: 'implicit',
    title: 'Implicit grant: tokens in the URL',
    group: 'deprecated',
    teaches:
      'The access token in the fragment leaks through history, third-party scripts and open redirects; and a token Alice granted to another app, injected into the callback, signs Mallory in as Alice.',
    specs: [rfc(9700, '2.1.2'), rfc(9700, '4.3'), rfc(9700, '4.6')],
    playable: true,
  },
  {
    slug: 'password-grant',
    title: 'Resource owner password credentials',
    group: 'deprecated',
    teaches: 'A look-alike app asks for Alice’s password itself: no AS page, no consent, no MFA, and a copy for Mallory.',
    specs: [rfc(9700, '2.4'), rfc(6819, '4.4.3')],
    playable: true,
  },
] as const satisfies readonly AttackEntry[];

export const ATTACKS: readonly AttackEntry[] = ENTRIES;

/** The slugs of the attacks that can be played: attack-loaders.ts must load exactly these. */
export type PlayableSlug = Extract<(typeof ENTRIES)[number], { playable: true }>['slug'];

export function findAttack(slug: string): AttackEntry | undefined {
  return ATTACKS.find((a) => a.slug === slug);
}
