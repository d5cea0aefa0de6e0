import { assign, fromPromise, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { frontChannelExchange } from '@/lib/http-trace/record';
import { buildAuthorizationUrl } from '@/lib/oauth-client/authorization-request';
import { validateCallback } from '@/lib/oauth-client/authorization-response';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import { makeCodeVerifier, makeRandomValue, s256ChallengeSteps } from '@/lib/oauth-client/pkce';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discoverActor, sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, enterStep, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext, type StepMeta } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { readLootActor } from './implicit.actors';
import { replayAtRsActor } from './password-grant.replay';
import {
  browserPage,
  handToBackend,
  payloadRidesSession,
  spaRedeemsAndStores,
  xssPayload,
  type PageEnv,
  type PayloadFind,
} from './token-storage.page';
import { TOKEN_STORAGE_STEPS as S } from './token-storage.steps';
import { inputGuard } from '@/machines/input-guard';

export interface TokenStorageContext extends AttackContextBase {
  metadata?: ServerMetadata;
  state?: string;
  verifier?: string;
  authUrl?: string;
  code?: string;
  found?: PayloadFind;
  stolen?: string;
}

type Event = { type: 'user.next' } | { type: 'browser.navigated' } | { type: 'callback.received'; url: string };

const ID = 'tokenStorage';
const redirectUri = (origin: string) => `${origin}/flows/callback`;
/** Vulnerable: the SPA is the client. Hardened: the page's backend is (a confidential client). */
const clientOf = (mode: string) => (mode === 'hardened' ? 'web' : 'spa');

function pageOf(env: PageEnv | undefined, step: string): PageEnv {
  if (!env) throw new Error(`${step}: the payload runs in a page (window.localStorage and document.cookie)`);
  return env;
}

type Keep = { code: string; verifier: string; origin: string; realm: RealmDescriptor; tokenEndpoint: string };

/**
 * Token storage and XSS (RFC 6750 §5.3, RFC 9700 §4.10): the learner signs in as Alice; on the
 * Vulnerable side the SPA keeps the access token in localStorage, on the Hardened side a backend for
 * frontend keeps it behind an HttpOnly cookie. A simulated XSS payload then reads the page's real
 * storage and cookies and posts any token to Mallory's site; she replays it from her machine. The side
 * chooses the client architecture (no realm weakness: both realms are hardened); the Outcome comes
 * from what the payload found and what the servers answered.
 */
export const tokenStorageMachine = setup({
  types: {
    context: {} as TokenStorageContext,
    events: {} as Event,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: discoverActor,
    buildUrl: fromPromise<
      StepOutput<{ state: string; verifier: string; authUrl: string }>,
      StepInput<{ origin: string; mode: string; metadata: ServerMetadata }>
    >(async ({ input }) => {
      const verifier = makeCodeVerifier();
      const state = makeRandomValue();
      const { challenge } = await s256ChallengeSteps(verifier);
      const clientId = clientOf(input.mode);
      const built = buildAuthorizationUrl(input.metadata.authorization_endpoint, {
        clientId,
        redirectUri: redirectUri(input.origin),
        scope: 'photos:read',
        state,
        codeChallenge: challenge,
      });
      const facts = [
        {
          label: 'client_id',
          value: clientId === 'web' ? 'web (the page’s backend, a confidential client)' : 'spa (the page itself, a public client)',
        },
        { label: 'authorization URL', value: built.url },
      ];
      return { step: input.step, exchanges: [], facts, result: ok({ state, verifier, authUrl: built.url }) };
    }),
    spaStores: fromPromise<StepOutput<unknown>, StepInput<Keep>>(async ({ input }) =>
      spaRedeemsAndStores(input.step, pageOf(browserPage(), input.step), input.realm, input.tokenEndpoint, {
        code: input.code,
        redirectUri: redirectUri(input.origin),
        verifier: input.verifier,
      }),
    ),
    bffSignsIn: fromPromise<StepOutput<boolean>, StepInput<Keep>>(({ input }) =>
      handToBackend(input.step, input.origin, input.realm, {
        code: input.code,
        redirectUri: redirectUri(input.origin),
        verifier: input.verifier,
      }),
    ),
    xss: fromPromise<StepOutput<PayloadFind>, StepInput<{ origin: string; realm: RealmDescriptor }>>(({ input }) =>
      xssPayload(input.step, pageOf(browserPage(), input.step), input.origin, input.realm),
    ),
    loot: readLootActor,
    replay: replayAtRsActor,
    ridesSession: fromPromise<StepOutput<Outcome>, StepInput<{ origin: string; realm: RealmDescriptor }>>(async ({ input }) => {
      const got = await payloadRidesSession(input.step, input.origin, input.realm);
      if (!got.result.ok) return got as StepOutput<never>;
      const { status, owner } = got.result.value;
      const rode =
        status === 200 && owner
          ? `the backend answered HTTP 200 with ${owner === 'alice' ? 'Alice’s' : `${owner}’s`} photos`
          : `the backend answered HTTP ${status}`;
      const what =
        `the payload found no token: nothing in localStorage, and document.cookie does not show the HttpOnly ` +
        `session cookie, so nothing reached Mallory’s site to replay. What the cookie does not stop: the same ` +
        `payload asked the backend for the photos while the page was open, and the browser attached Alice’s ` +
        `cookie (${rode}).`;
      return { ...got, result: ok({ succeeded: false, what }) };
    }),
  },
  actions: {
    ...sharedActions<TokenStorageContext, Event>(),
    storeUrl: assign(({ event }) => ({ ...resultValue<{ state: string; verifier: string; authUrl: string }>(event) })),
    recordAuthorizeHop: assign(({ context }) => ({
      exchanges: [...context.exchanges, frontChannelExchange({ step: 'redirectToAs', from: 'browser', to: 'as' }, context.authUrl!)],
    })),
    recordCallback: assign(({ context, event }) => {
      if (event.type !== 'callback.received' || typeof event.url !== 'string') return {};
      const url = event.url.slice(0, 16_384);
      const { checks, result } = validateCallback(url, {
        state: context.state ?? '',
        issuer: context.input.realm.issuer,
        issRequired: context.metadata?.authorization_response_iss_parameter_supported === true,
      });
      return {
        exchanges: [...context.exchanges, frontChannelExchange({ step: 'callbackReceived', from: 'browser', to: 'client' }, url)],
        checks: { ...context.checks, callbackReceived: checks },
        ...(result.ok ? { code: result.value.code } : { error: result.error }),
      };
    }),
    storeFound: assign({ found: ({ event }) => resultValue<PayloadFind>(event) }),
    storeLoot: assign(({ event }) => ({ stolen: resultValue<string | undefined>(event) })),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: {
    ...sharedGuards,
    hasCode: ({ context }) => context.code !== undefined,
    backendArchitecture: inputGuard((input: AttackInput) => input.mode === 'hardened'),
    tokenFound: ({ context }) => context.found?.token !== undefined,
    tokenStolen: ({ context }) => context.stolen !== undefined,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'discover',
  states: {
    ...requestSteps<TokenStorageContext>(ID)({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }) => ({ issuer: context.input.realm.issuer }),
        store: 'storeMetadata',
        next: 'buildUrl',
      },
    }),
    ...requestSteps<TokenStorageContext>(ID)({
      buildUrl: {
        meta: S.buildUrl,
        src: 'buildUrl',
        input: ({ context }) => ({ origin: context.input.origin, mode: context.input.mode, metadata: context.metadata! }),
        store: 'storeUrl',
        next: 'redirectToAs',
      },
    }),
    redirectToAs: {
      meta: S.redirectToAs,
      entry: enterStep('redirectToAs'),
      on: {
        'browser.navigated': { target: 'awaitingCallback', actions: 'recordAuthorizeHop' },
        'callback.received': { target: 'callbackReceived', actions: 'recordCallback' },
      },
    },
    awaitingCallback: { meta: S.redirectToAs, on: { 'callback.received': { target: 'callbackReceived', actions: 'recordCallback' } } },
    callbackReceived: {
      meta: S.callbackReceived,
      entry: enterStep('callbackReceived'),
      on: { 'user.next': [{ guard: 'hasCode', target: 'keep' }, { target: 'failed' }] },
    },
    keep: { always: [{ guard: 'backendArchitecture', target: 'bffSignsIn' }, { target: 'spaStores' }] },
    ...requestSteps<TokenStorageContext>(ID)({
      spaStores: { meta: S.spaStores, src: 'spaStores', input: ({ context }) => keepInput(context), next: 'xss' },
      bffSignsIn: { meta: S.bffSignsIn, src: 'bffSignsIn', input: ({ context }) => keepInput(context), next: 'xss' },
      xss: {
        meta: S.xss,
        src: 'xss',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm }),
        store: 'storeFound',
        next: 'afterXss',
      },
    }),
    afterXss: { always: [{ guard: 'tokenFound', target: 'loot' }, { target: 'ridesSession' }] },
    ...requestSteps<TokenStorageContext>(ID)({
      loot: {
        meta: S.loot,
        src: 'loot',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm }),
        store: 'storeLoot',
        next: 'afterLoot',
      },
    }),
    afterLoot: { always: [{ guard: 'tokenStolen', target: 'replay' }, { target: 'ridesSession' }] },
    ...requestSteps<TokenStorageContext>(ID)({
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({
          realm: context.input.realm,
          token: context.stolen!,
          sent: 'Alice’s access token, which the XSS payload read from localStorage',
        }),
        store: 'storeOutcome',
        next: 'outcome',
      },
      ridesSession: {
        meta: S.ridesSession,
        src: 'ridesSession',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});

function keepInput(context: TokenStorageContext): Keep {
  return {
    code: context.code!,
    verifier: context.verifier!,
    origin: context.input.origin,
    realm: context.input.realm,
    tokenEndpoint: context.metadata!.token_endpoint,
  };
}
