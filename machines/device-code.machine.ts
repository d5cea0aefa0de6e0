import type { JSONWebKeySet } from 'jose';
import { apiUrl } from '@/lib/realms/descriptor';
import { assign, setup } from 'xstate';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { DeviceAuthorization, TokenSet } from '@/lib/oauth-client/token-response';
import { apiCallActor, discoverActor, out, sharedActions, sharedGuards, validateIdTokenActor } from './shared';
import { deviceAuthorizationActor, pollActor } from './device-code.actors';
import { DEVICE_CODE_STEPS as S } from './device-code.steps';
import type { FlowInput } from './flow-input';
import { BUSY, emptyFlowContext, type FlowContextBase, type StepMeta } from './step-meta';
import { endSteps, requestSteps } from './request-step';
import { mergeStepOutput, resultValue } from './step-output';

export type DeviceCodeInput = FlowInput;

/** One line of the poll log the learner watches (RFC 8628 §3.4/§3.5). */
export interface PollRecord {
  /** 1-based. */
  n: number;
  /** When the answer came back (ms since the epoch). */
  at: number;
  /** HTTP status; undefined when the request could not be sent. */
  status?: number;
  /** The §3.5 error code, or undefined for the 200 with tokens. */
  error?: string;
  /** True when the learner sent it early with "Poll now". */
  early: boolean;
  /** The polling interval in force after this answer, in seconds. */
  interval: number;
  /** The id of this poll's exchange in `context.exchanges`; undefined when the request could not be sent. */
  exchangeId?: string;
}

/**
 * The step name a pending poll's exchange is recorded under. Not `polling`: the poll log shows each
 * poll with its HTTP, so the step's own HTTP pane would only repeat them. The poll that ends the
 * polling is recorded under the step it leads to (`tokenResponse`, `accessDenied`, …), whose pane
 * shows it. Every poll stays in `context.exchanges`, in the order it was sent.
 */
export const POLL_EXCHANGE_STEP = 'polling.poll';

export interface DeviceCodeContext extends FlowContextBase {
  input: DeviceCodeInput;
  issuer: string;
  metadata?: ServerMetadata;
  device?: DeviceAuthorization;
  /** When the device authorization response arrived (ms since the epoch): expires_in counts from here. */
  deviceIssuedAt?: number;
  /** Seconds between polls: the server's `interval`, plus 5 per slow_down (RFC 8628 §3.5). */
  interval: number;
  polls: PollRecord[];
  /** Set by "Poll now" so the log can say which poll broke the rule. */
  nextPollEarly: boolean;
  tokens?: TokenSet;
  jwks?: JSONWebKeySet;
}

export type DeviceCodeEvent = { type: 'user.next' } | { type: 'user.pollNow' };

/** RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default." */
export const DEFAULT_INTERVAL = 5;
/** RFC 8628 §3.5 slow_down: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
export const SLOW_DOWN_STEP = 5;

const errorCode = (e: unknown) => {
  const r = out(e).result;
  return r.ok ? undefined : r.error.code;
};

/**
 * Device authorization grant (RFC 8628): the machine is the TV. It polls the token endpoint by
 * itself (delayed transitions), so the learner never presses Next while the user decides:
 * `polling.running` is tagged busy, like every request in flight.
 */
export const deviceCodeMachine = setup({
  types: {
    context: {} as DeviceCodeContext,
    events: {} as DeviceCodeEvent,
    input: {} as DeviceCodeInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: {
    discover: discoverActor,
    deviceAuthorization: deviceAuthorizationActor,
    poll: pollActor,
    validateIdToken: validateIdTokenActor,
    callApi: apiCallActor,
  },
  delays: { pollInterval: ({ context }) => context.interval * 1000 },
  actions: {
    ...sharedActions<DeviceCodeContext, DeviceCodeEvent>(),
    storeJwks: assign({ jwks: ({ event }) => resultValue<JSONWebKeySet>(event) }),
    storeDevice: assign(({ event }) => {
      const device = resultValue<DeviceAuthorization>(event);
      const given = device?.interval;
      return { device, deviceIssuedAt: Date.now(), interval: typeof given === 'number' && given > 0 ? given : DEFAULT_INTERVAL };
    }),
    // authorization_pending and slow_down are not errors of the flow: keep the exchanges, not the error.
    storeExchanges: assign({ exchanges: ({ context, event }) => [...context.exchanges, ...out(event).exchanges] }),
    /** The poll that ends the polling: its output, with its exchange filed under the step it leads to. */
    storeLastPoll: assign(({ context, event }, params: { step: string }) => {
      const o = out(event);
      return mergeStepOutput(context, { ...o, step: params.step, exchanges: o.exchanges.map((e) => ({ ...e, step: params.step })) });
    }),
    slowDown: assign({ interval: ({ context }) => context.interval + SLOW_DOWN_STEP }),
    markEarly: assign({ nextPollEarly: true }),
    logPoll: assign(({ context, event }) => {
      const o = out(event);
      const record: PollRecord = {
        n: context.polls.length + 1,
        at: Date.now(),
        status: o.exchanges.at(-1)?.response?.status,
        error: o.result.ok ? undefined : o.result.error.code,
        early: context.nextPollEarly,
        interval: context.interval,
        exchangeId: o.exchanges.at(-1)?.id,
      };
      return { polls: [...context.polls, record], nextPollEarly: false };
    }),
  },
  guards: {
    stepFailed: sharedGuards.stepFailed,
    approved: ({ event }) => out(event).result.ok,
    pollError: ({ event }, params: { code: string }) => errorCode(event) === params.code,
    hasIdToken: ({ context }) => typeof context.tokens?.id_token === 'string',
  },
}).createMachine({
  id: 'deviceCode',
  context: ({ input }) => ({
    ...emptyFlowContext(),
    input,
    issuer: input.realm.issuer,
    interval: DEFAULT_INTERVAL,
    polls: [],
    nextPollEarly: false,
  }),
  initial: 'discover',
  states: {
    ...requestSteps<DeviceCodeContext>('deviceCode')({
      discover: {
        meta: S.discover,
        src: 'discover',
        input: ({ context }: { context: DeviceCodeContext }) => ({ issuer: context.issuer }),
        store: 'storeMetadata',
        next: 'deviceAuthorization',
      },
      deviceAuthorization: {
        meta: S.deviceAuthorization,
        src: 'deviceAuthorization',
        input: ({ context }: { context: DeviceCodeContext }) => ({
          endpoint: context.metadata!.device_authorization_endpoint,
          client: context.input.client,
          scope: context.input.scope,
        }),
        store: 'storeDevice',
        next: 'polling',
      },
    }),
    // The TV shows the code and polls at once, as a real one does (RFC 8628 §3.3, §3.4): no Next needed.
    polling: {
      meta: S.polling,
      entry: { type: 'enterStep', params: { step: 'polling' } },
      initial: 'running',
      states: {
        running: {
          tags: [BUSY],
          // The first poll goes out at once: the device authorization response is not a poll.
          initial: 'requesting',
          states: {
            waiting: {
              // Leaving this state cancels the pending delayed event: polling stops by itself.
              after: { pollInterval: 'requesting' },
              on: { 'user.pollNow': { target: 'requesting', actions: 'markEarly' } },
            },
            requesting: {
              invoke: {
                id: 'poll',
                src: 'poll',
                input: ({ context }) => ({
                  step: POLL_EXCHANGE_STEP,
                  tokenEndpoint: context.metadata!.token_endpoint,
                  client: context.input.client,
                  deviceCode: context.device!.device_code,
                }),
                onDone: [
                  {
                    guard: 'approved',
                    target: '#deviceCode.tokenResponse',
                    actions: ['logPoll', { type: 'storeLastPoll', params: { step: 'tokenResponse' } }, 'storeTokens'],
                  },
                  {
                    guard: { type: 'pollError', params: { code: 'authorization_pending' } },
                    target: 'waiting',
                    actions: ['logPoll', 'storeExchanges'],
                  },
                  {
                    guard: { type: 'pollError', params: { code: 'slow_down' } },
                    target: 'waiting',
                    actions: ['slowDown', 'logPoll', 'storeExchanges'],
                  },
                  {
                    guard: { type: 'pollError', params: { code: 'access_denied' } },
                    target: '#deviceCode.accessDenied',
                    actions: ['logPoll', { type: 'storeLastPoll', params: { step: 'accessDenied' } }],
                  },
                  {
                    guard: { type: 'pollError', params: { code: 'expired_token' } },
                    target: '#deviceCode.expired',
                    actions: ['logPoll', { type: 'storeLastPoll', params: { step: 'expired' } }],
                  },
                  { target: '#deviceCode.failed', actions: ['logPoll', { type: 'storeLastPoll', params: { step: 'failed' } }] },
                ],
              },
            },
          },
        },
      },
    },
    tokenResponse: {
      meta: S.tokenResponse,
      entry: { type: 'enterStep', params: { step: 'tokenResponse' } },
      on: {
        'user.next': [
          { guard: 'hasIdToken', target: 'validateIdToken' },
          // No openid in the scope, so no ID token: straight to the API.
          { target: 'callApi' },
        ],
      },
    },
    ...requestSteps<DeviceCodeContext>('deviceCode')({
      validateIdToken: {
        meta: S.validateIdToken,
        src: 'validateIdToken',
        // No nonce: RFC 8628 has no authentication request to carry one.
        input: ({ context }: { context: DeviceCodeContext }) => ({
          jwksUri: context.metadata!.jwks_uri,
          issuer: context.issuer,
          clientId: context.input.client.clientId,
          tokens: context.tokens!,
        }),
        store: 'storeJwks',
        next: 'callApi',
      },
      callApi: {
        meta: S.callApi,
        src: 'callApi',
        input: ({ context }: { context: DeviceCodeContext }) => ({
          url: apiUrl(context.input.realm, 'photos'),
          accessToken: context.tokens!.access_token,
        }),
        next: 'done',
      },
    }),
    ...endSteps({ done: S.done, accessDenied: S.accessDenied, expired: S.expired, failed: S.failed }),
  },
});
