import type { JSONWebKeySet } from 'jose';
import { fromPromise } from 'xstate';
import { recordFetch } from '@/lib/http-trace/record';
import { allPassed } from '@/lib/oauth-client/checklist';
import type { ClientCredentials } from '@/lib/oauth-client/client-auth';
import { fail, ok } from '@/lib/oauth-client/result';
import { refreshTokenRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import { apiCall, fetchJwks, type ApiCallInput } from './shared';
import { refreshResponseChecks } from './refresh-token.checks';
import { networkFailure, type StepOutput } from './step-output';

/** The refresh-token flow's real actors; tests `.provide()` fakes instead. */

export interface RefreshInput {
  step: string;
  tokenEndpoint: string;
  jwksUri: string;
  issuer: string;
  client: ClientCredentials;
  /** The token set whose refresh token is used now. */
  previous: TokenSet;
  originalIdToken?: string;
  /** Reused when an earlier step already read the JWKS. */
  jwks?: JSONWebKeySet;
}

export interface Refreshed {
  tokens: TokenSet;
  jwks: JSONWebKeySet;
}

/** RFC 6749 §6: trade the current refresh token for new tokens, then check the answer (rotation, OIDC Core §12.2). */
export async function refresh(input: RefreshInput): Promise<StepOutput<Refreshed>> {
  const { step } = input;
  const token = input.previous.refresh_token;
  if (!token)
    return {
      step,
      exchanges: [],
      result: fail(
        'no_refresh_token',
        'The client holds no refresh token: this AS issues one only when offline_access is requested and granted (its policy; OIDC Core §11 defines offline_access).',
        step,
      ),
    };
  try {
    const { exchange, response, body } = await recordFetch(refreshTokenRequest(input.tokenEndpoint, input.client, token), {
      step,
      from: 'client',
      to: 'as',
    });
    const answered = processTokenResponse(response.status, body, step);
    if (!answered.ok) return { step, exchanges: [exchange], result: answered };
    const keys = input.jwks ? { exchanges: [], jwks: input.jwks } : await fetchJwks(step, input.jwksUri);
    const exchanges = [exchange, ...keys.exchanges];
    if (!keys.jwks) return { step, exchanges, result: fail('jwks_unavailable', 'The JWKS could not be read.', step) };
    const checks = await refreshResponseChecks(input.previous, answered.value, {
      jwks: keys.jwks,
      issuer: input.issuer,
      clientId: input.client.clientId,
      originalIdToken: input.originalIdToken,
      now: Math.floor(Date.now() / 1000),
    });
    const result = allPassed(checks)
      ? ok({ tokens: answered.value, jwks: keys.jwks })
      : fail('refresh_response_rejected', 'The refresh response failed a check: the client must not use it.', step);
    return { step, exchanges, checks, result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export const refreshActor = fromPromise<StepOutput<Refreshed>, RefreshInput>(({ input }) => refresh(input));

export interface Refusal {
  error: string;
  description?: string;
}

export interface ReplayInput {
  step: string;
  tokenEndpoint: string;
  client: ClientCredentials;
  refreshToken: string;
}

/**
 * Presents a refresh token the AS is expected to refuse (RFC 6749 §5.2 `invalid_grant`, RFC 9700
 * §4.14.2). The refusal is this step's success; an accepted token is the failure.
 */
export async function presentRefused(input: ReplayInput): Promise<StepOutput<Refusal>> {
  const { step } = input;
  try {
    const { exchange, response, body } = await recordFetch(refreshTokenRequest(input.tokenEndpoint, input.client, input.refreshToken), {
      step,
      from: 'client',
      to: 'as',
    });
    const answered = processTokenResponse(response.status, body, step);
    const facts = [{ label: 'HTTP status', value: String(response.status) }];
    if (answered.ok)
      return {
        step,
        exchanges: [exchange],
        facts,
        result: fail('refresh_token_accepted', 'The AS accepted a refresh token it should have refused: it does not detect reuse.', step),
      };
    const description = readDescription(body);
    facts.push({ label: 'error', value: answered.error.code });
    if (description) facts.push({ label: 'error_description', value: description });
    const result =
      answered.error.code === 'invalid_grant'
        ? ok({ error: answered.error.code, description })
        : { ok: false as const, error: answered.error };
    return { step, exchanges: [exchange], facts, result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

function readDescription(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error_description?: unknown };
    return typeof json.error_description === 'string' ? json.error_description : undefined;
  } catch {
    return undefined;
  }
}

export const presentRefusedActor = fromPromise<StepOutput<Refusal>, ReplayInput>(({ input }) => presentRefused(input));

/** RFC 6750 §3.1: after the family's revocation the RS must answer 401 invalid_token; a 200 is the failure. */
export async function apiCallRefused(input: ApiCallInput): Promise<StepOutput<string>> {
  const called = await apiCall(input);
  if (called.result.ok)
    return {
      ...called,
      result: fail('access_token_still_accepted', 'The resource server still accepted the access token of a revoked family.', input.step),
    };
  if (called.result.error.code !== 'http_401') return { ...called, result: called.result };
  const www = called.facts?.find((f) => f.label === 'WWW-Authenticate')?.value ?? '';
  // Only a refusal that names the revocation proves the point (after 10 minutes the token would simply have expired).
  if (!/revoked/i.test(www))
    return {
      ...called,
      result: fail(
        'refused_for_another_reason',
        `The resource server refused the token, but not because the family was revoked: ${www || 'no WWW-Authenticate'}.`,
        input.step,
      ),
    };
  return { ...called, result: ok(www) };
}

export const apiCallRefusedActor = fromPromise<StepOutput<string>, ApiCallInput>(({ input }) => apiCallRefused(input));
