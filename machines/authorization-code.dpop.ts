import { fromPromise } from 'xstate';
import { recordFetch } from '@/lib/http-trace/record';
import { DPOP_KEY_LOST, dpopKey, dpopKeyFor } from '@/lib/oauth-client/dpop-keyring';
import { accessTokenHashOf, dpopProof } from '@/lib/oauth-client/dpop-proof';
import { checksFromReport } from '@/lib/oauth-client/resource-server-report';
import { fail, ok, type Result } from '@/lib/oauth-client/result';
import { authorizationCodeRequest, bearerRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import { unverifiedClaims } from '@/lib/oauth-client/unverified-claims';
import type { TokenRequestInput } from './authorization-code.actors';
import { apiCall, tokenCall } from './shared';
import { networkFailure, type StepOutput } from './step-output';

/**
 * The authorization-code flow with its "Bind the token with DPoP" option (RFC 9449): the client's
 * key pair is made in this browser (WebCrypto, private key not extractable), every request that
 * uses the token carries a fresh `DPoP` proof, and the token is sent as `Authorization: DPoP`.
 * Without the option each actor is the plain bearer one. Tests `.provide()` fakes instead.
 */

type Facts = Array<{ label: string; value: string }>;

/** What the learner should compare in the inspector: the proof's claims and the key's thumbprint. */
function proofFacts(proof: string, jkt: string): Facts {
  const c = unverifiedClaims(proof) ?? {};
  const facts: Facts = [
    { label: 'DPoP proof htm', value: String(c.htm) },
    { label: 'DPoP proof htu', value: String(c.htu) },
    { label: 'DPoP proof jti', value: String(c.jti) },
    { label: 'DPoP proof iat', value: String(c.iat) },
  ];
  if (c.ath !== undefined) facts.push({ label: 'DPoP proof ath', value: String(c.ath) });
  facts.push({ label: 'Key thumbprint (jkt)', value: jkt });
  return facts;
}

/**
 * RFC 6749 §4.1.3 + RFC 9449 §5: the code redeemed with a proof for `POST {token endpoint}`; the
 * client then expects `token_type: DPoP` (a Bearer answer would mean the AS ignored the proof).
 */
export async function dpopTokenRequest(input: TokenRequestInput): Promise<StepOutput<TokenSet>> {
  const { step } = input;
  if (!input.dpopKeyId) return tokenCall(step, authorizationCodeRequest(input.tokenEndpoint, input.client, input));
  try {
    const key = await dpopKeyFor(input.dpopKeyId);
    const request = authorizationCodeRequest(input.tokenEndpoint, input.client, input);
    const proof = await dpopProof(key, { htm: 'POST', htu: input.tokenEndpoint });
    request.headers.set('dpop', proof);
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const result = processTokenResponse(response.status, body, step, ['dpop']);
    const facts = proofFacts(proof, key.jkt);
    if (result.ok) {
      facts.unshift({ label: 'token_type', value: result.value.token_type });
      const cnf = unverifiedClaims(result.value.access_token)?.cnf as { jkt?: unknown } | undefined;
      facts.push({
        label: 'Access token cnf.jkt',
        value:
          typeof cnf?.jkt === 'string'
            ? `${cnf.jkt}${cnf.jkt === key.jkt ? ' (the key’s thumbprint)' : ' (NOT this key’s thumbprint)'}`
            : '(none)',
      });
    }
    return { step, exchanges: [exchange], facts, result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface DpopCallInput {
  step: string;
  url: string;
  accessToken: string;
  dpopKeyId?: string;
}

/** RFC 9449 §7.1: `Authorization: DPoP <token>` and a proof for this method and URL, with `ath` = the token's hash (§4.2). */
async function dpopRequest(input: DpopCallInput & { dpopKeyId: string }): Promise<{ request: Request; facts: Facts } | Result<never>> {
  const pending = dpopKey(input.dpopKeyId);
  if (!pending) return fail('dpop_key_lost', DPOP_KEY_LOST, input.step);
  const key = await pending;
  const proof = await dpopProof(key, { htm: 'GET', htu: input.url, accessToken: input.accessToken });
  const request = bearerRequest(input.url, input.accessToken);
  request.headers.set('authorization', `DPoP ${input.accessToken}`);
  request.headers.set('dpop', proof);
  const facts = proofFacts(proof, key.jkt);
  // The same hash the proof's `ath` carries, so the learner can check one against the other.
  facts.push({ label: 'SHA-256 of the access token', value: await accessTokenHashOf(input.accessToken) });
  return { request, facts };
}

/** GET /photos with the bound token; without the option, the plain RFC 6750 §2.1 call. */
export async function dpopApiCall(input: DpopCallInput): Promise<StepOutput<unknown>> {
  const { step } = input;
  if (!input.dpopKeyId) return apiCall(input);
  try {
    const built = await dpopRequest({ ...input, dpopKeyId: input.dpopKeyId });
    if ('ok' in built) return { step, exchanges: [], result: built };
    const { exchange, response, body } = await recordFetch(built.request, { step, from: 'client', to: 'rs' });
    const facts: Facts = [{ label: 'HTTP status', value: String(response.status) }, ...built.facts];
    const www = response.headers.get('www-authenticate');
    if (www) facts.push({ label: 'WWW-Authenticate', value: www });
    const result =
      response.status === 200
        ? ok(body)
        : fail(`http_${response.status}`, `The resource server answered HTTP ${response.status}${www ? ` (${www})` : ''}.`, step);
    return { step, exchanges: [exchange], checks: checksFromReport(response.headers), facts, result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** OIDC Core §5.3 UserInfo with the bound token (RFC 9449 §7: any protected resource, the AS's own included). */
export async function dpopUserinfo(input: DpopCallInput): Promise<StepOutput<unknown>> {
  const { step } = input;
  try {
    let request = bearerRequest(input.url, input.accessToken);
    let facts: Facts | undefined;
    if (input.dpopKeyId) {
      const built = await dpopRequest({ ...input, dpopKeyId: input.dpopKeyId });
      if ('ok' in built) return { step, exchanges: [], result: built };
      ({ request, facts } = built);
    }
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const result = response.status === 200 ? ok(body) : fail(`http_${response.status}`, `UserInfo answered HTTP ${response.status}.`, step);
    return { step, exchanges: [exchange], ...(facts ? { facts } : {}), result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export const dpopTokenRequestActor = fromPromise<StepOutput<TokenSet>, TokenRequestInput>(({ input }) => dpopTokenRequest(input));
export const dpopApiCallActor = fromPromise<StepOutput<unknown>, DpopCallInput>(({ input }) => dpopApiCall(input));
export const dpopUserinfoActor = fromPromise<StepOutput<unknown>, DpopCallInput>(({ input }) => dpopUserinfo(input));
