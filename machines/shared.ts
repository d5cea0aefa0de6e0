import type { JSONWebKeySet } from 'jose';
import { assign, fromPromise, type EventObject } from 'xstate';
import { recordFetch } from '@/lib/http-trace/record';
import { allPassed } from '@/lib/oauth-client/checklist';
import { discoveryRequest, processDiscoveryResponse, type ServerMetadata } from '@/lib/oauth-client/discovery';
import { validateIdToken } from '@/lib/oauth-client/id-token';
import { checksFromReport } from '@/lib/oauth-client/resource-server-report';
import { fail, ok, type Result } from '@/lib/oauth-client/result';
import { bearerRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { FlowContextBase } from './step-meta';
import { mergeStepOutput, networkFailure, resultValue, type StepInput, type StepOutput } from './step-output';

/**
 * What every flow machine shares: the actions that keep a step's output, the guard on its
 * result, and the actors every grant uses (discovery, token calls, the ID token, the API).
 * A machine spreads `sharedActions<Context, Event>()` and `sharedGuards` into its `setup()`;
 * every actor reads its step name from its input (`requestStep` puts it there).
 * The real actors send real HTTP and record it; tests `.provide()` fakes instead.
 */

/** The output of the actor whose done event this is. */
export const out = (e: unknown) => (e as { output: StepOutput<unknown> }).output;

type SharedContext = FlowContextBase & { metadata?: ServerMetadata; tokens?: TokenSet };

/** The actions every flow machine defines, typed with that machine's context and events. */
export function sharedActions<C extends SharedContext, E extends EventObject>() {
  return {
    /** The entry action of every step: appends it to the trail. */
    enterStep: assign<C, E, { step: string }, E, never>(
      ({ context }, params) => ({ trail: [...context.trail, params.step] }) as Partial<C>,
    ),
    /** Keeps a step's exchanges, checks, facts and error. */
    storeOutput: assign<C, E, undefined, E, never>(({ context, event }) => mergeStepOutput(context, out(event)) as Partial<C>),
    storeMetadata: assign<C, E, undefined, E, never>(({ event }) => ({ metadata: resultValue<ServerMetadata>(event) }) as Partial<C>),
    storeTokens: assign<C, E, undefined, E, never>(({ event }) => ({ tokens: resultValue<TokenSet>(event) }) as Partial<C>),
  };
}

export const sharedGuards = {
  /** The step's result is an error: the run ends in `failed`. */
  stepFailed: ({ event }: { event: unknown }) => !out(event).result.ok,
};

/**
 * One recorded back-channel request: `process` turns the answer into the step's result, and a
 * request that could not be sent becomes a failed result too, so machines only ever see values.
 */
export async function recordedCall<T>(
  step: string,
  request: Request,
  process: (status: number, body: string) => Result<T>,
  to: 'as' | 'rs' = 'as',
  from: 'client' | 'attacker' = 'client',
): Promise<StepOutput<T>> {
  try {
    const { exchange, response, body } = await recordFetch(request, { step, from, to });
    return { step, exchanges: [exchange], result: process(response.status, body) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export function discover(issuer: string, step: string, from: 'client' | 'attacker' = 'client'): Promise<StepOutput<ServerMetadata>> {
  return recordedCall(step, discoveryRequest(issuer), (status, body) => processDiscoveryResponse(issuer, status, body), 'as', from);
}

export const discoverActor = fromPromise<StepOutput<ServerMetadata>, StepInput<{ issuer: string }>>(({ input }) =>
  discover(input.issuer, input.step),
);

export function tokenCall(step: string, request: Request): Promise<StepOutput<TokenSet>> {
  return recordedCall(step, request, (status, body) => processTokenResponse(status, body));
}

export async function fetchJwks(step: string, jwksUri: string): Promise<{ jwks?: JSONWebKeySet } & Pick<StepOutput<unknown>, 'exchanges'>> {
  const { exchange, body, response } = await recordFetch(new Request(jwksUri, { headers: { accept: 'application/json' } }), {
    step,
    from: 'client',
    to: 'as',
  });
  if (response.status !== 200) return { exchanges: [exchange] };
  try {
    return { exchanges: [exchange], jwks: JSON.parse(body) as JSONWebKeySet };
  } catch {
    return { exchanges: [exchange] };
  }
}

export interface ValidateInput {
  step: string;
  jwksUri: string;
  issuer: string;
  clientId: string;
  /** Absent when the flow sends no nonce (RFC 8628 device flow): the nonce check is then not made. */
  nonce?: string;
  tokens: TokenSet;
}

/** OIDC Core §3.1.3.7: fetch the JWKS (RFC 7517) and check the ID token rule by rule. */
export const validateIdTokenActor = fromPromise<StepOutput<JSONWebKeySet>, ValidateInput>(async ({ input }) => {
  const { step } = input;
  try {
    const { exchanges, jwks } = await fetchJwks(step, input.jwksUri);
    if (!jwks) return { step, exchanges, result: fail('jwks_unavailable', 'The JWKS could not be read.', step) };
    if (!input.tokens.id_token)
      return {
        step,
        exchanges,
        result: fail('missing_id_token', 'The token response has no id_token although openid was requested.', step),
      };
    const checks = await validateIdToken(input.tokens.id_token, {
      jwks,
      issuer: input.issuer,
      clientId: input.clientId,
      nonce: input.nonce,
      accessToken: input.tokens.access_token,
      now: Math.floor(Date.now() / 1000),
    });
    const result = allPassed(checks)
      ? ok(jwks)
      : fail('invalid_id_token', 'The ID token failed a check: the client must not trust it.', step);
    return { step, exchanges, checks, result };
  } catch (e) {
    return networkFailure(step, e);
  }
});

export interface ApiCallInput {
  step: string;
  /** A resource-server endpoint of the realm, e.g. `apiUrl(realm, 'photos')`. */
  url: string;
  accessToken: string;
}

/**
 * RFC 6750 §2.1 call. The checklist is the resource server's own report of this answer (its
 * `Flowlab-Checks` header), never a re-check in the browser: the client does not validate an
 * access token, which is meant for the RS and may even be opaque (RFC 9068 §1, RFC 6749 §1.4).
 */
export async function apiCall(input: ApiCallInput): Promise<StepOutput<unknown>> {
  const { step } = input;
  try {
    const { exchange, response, body } = await recordFetch(bearerRequest(input.url, input.accessToken), { step, from: 'client', to: 'rs' });
    const checks = checksFromReport(response.headers);
    const facts = [{ label: 'HTTP status', value: String(response.status) }];
    const www = response.headers.get('www-authenticate');
    if (www) facts.push({ label: 'WWW-Authenticate', value: www });
    const result =
      response.status === 200
        ? ok(body)
        : fail(`http_${response.status}`, `The resource server answered HTTP ${response.status}${www ? ` (${www})` : ''}.`, step);
    return { step, exchanges: [exchange], checks, facts, result };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export const apiCallActor = fromPromise<StepOutput<unknown>, ApiCallInput>(({ input }) => apiCall(input));
