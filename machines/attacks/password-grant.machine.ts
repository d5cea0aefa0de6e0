import { assign, setup } from 'xstate';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { ServerMetadata } from '@/lib/oauth-client/discovery';
import type { TokenSet } from '@/lib/oauth-client/token-response';
import { MAX_CREDENTIAL } from '../password.actors';
import { endSteps, enterStep as enter, requestSteps } from '../request-step';
import { sharedActions, sharedGuards } from '@/machines/shared';
import { emptyFlowContext, type BUSY, type StepMeta } from '../step-meta';
import { resultValue } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { replayAtRsActor } from './password-grant.replay';
import { harvestActor, passwordTokenActor, type Harvested, type PasswordTokenAnswer } from './password-grant.actors';
import { PASSWORD_GRANT_STEPS as S } from './password-grant.steps';

export interface PasswordGrantContext extends AttackContextBase {
  creds?: Harvested;
  metadata?: ServerMetadata;
  tokens?: TokenSet;
}

export type PasswordGrantEvent = { type: 'user.next' } | { type: 'user.submitPassword'; username: string; password: string };

const ID = 'passwordGrant';
const bounded = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_CREDENTIAL) : '');

/** A look-alike password-grant client harvests Alice's password, then turns it into tokens where the AS allows (RFC 9700 §2.4). */
export const passwordGrantMachine = setup({
  types: {
    context: {} as PasswordGrantContext,
    events: {} as PasswordGrantEvent,
    input: {} as AttackInput,
    meta: {} as StepMeta,
    tags: {} as typeof BUSY,
  },
  actors: { harvest: harvestActor, tokenRequest: passwordTokenActor, replay: replayAtRsActor },
  actions: {
    ...sharedActions<PasswordGrantContext, PasswordGrantEvent>(),
    keepCredentials: assign(({ event }) =>
      event.type === 'user.submitPassword' ? { creds: { username: bounded(event.username), password: bounded(event.password) } } : {},
    ),
    storeAnswer: assign(({ event }) => {
      const a = resultValue<PasswordTokenAnswer>(event);
      return { metadata: a?.metadata, tokens: a?.tokens, ...(a?.outcome ? { outcome: a.outcome } : {}) };
    }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: {
    ...sharedGuards,
    hasCredentials: ({ event }) => event.type === 'user.submitPassword' && bounded(event.username) !== '' && bounded(event.password) !== '',
    decided: ({ context }) => context.outcome !== undefined,
  },
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'lookAlike',
  states: {
    lookAlike: {
      meta: S.lookAlike,
      entry: enter('lookAlike'),
      on: { 'user.submitPassword': { guard: 'hasCredentials', target: 'harvest', actions: 'keepCredentials' } },
    },
    ...requestSteps<PasswordGrantContext>(ID)({
      harvest: {
        meta: S.harvest,
        src: 'harvest',
        input: ({ context }) => ({ origin: context.input.origin, realm: context.input.realm, creds: context.creds! }),
        next: 'tokenRequest',
      },
      tokenRequest: {
        meta: S.tokenRequest,
        src: 'tokenRequest',
        input: ({ context }) => ({ realm: context.input.realm, creds: context.creds! }),
        store: 'storeAnswer',
        next: 'afterToken',
      },
    }),
    afterToken: { always: [{ guard: 'decided', target: 'outcome' }, { target: 'replay' }] },
    ...requestSteps<PasswordGrantContext>(ID)({
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({ realm: context.input.realm, token: context.tokens!.access_token }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
