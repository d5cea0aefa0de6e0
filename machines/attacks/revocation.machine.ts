import { assign, fromPromise, setup } from 'xstate';
import { processRevocationResponse, revocationRequest } from '@/lib/attack-lab/revocation';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { fail, ok } from '@/lib/oauth-client/result';
import { clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse } from '@/lib/oauth-client/token-response';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, recordedCall, sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext } from '../step-meta';
import { networkFailure, resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { MALLORY_CLIENT, replayAtRs, type OwnToken, type Replay } from './mallory';
import { REVOCATION_STEPS as S } from './revocation.steps';

/** The app whose token leaks: the lab's `service` client plays a photo-printing service. */
export const PRINTER = { ...MALLORY_CLIENT, name: 'the printing service' };

export interface RevocationContext extends AttackContextBase {
  own?: OwnToken;
  metadata?: OwnToken['metadata'];
  /** What the stolen copy got before the revocation. */
  before?: Outcome;
}

type Event = { type: 'user.next' };

/** The printing service's own token (client credentials, RFC 6749 §4.4), recorded from the client. */
export async function printersToken(step: string, realm: RealmDescriptor): Promise<StepOutput<OwnToken>> {
  const found = await discover(realm.issuer, step, 'client');
  if (!found.result.ok) return { ...found, result: found.result };
  const metadata = found.result.value;
  try {
    const { exchange, response, body } = await recordFetch(clientCredentialsRequest(metadata.token_endpoint, PRINTER, 'photos:read'), {
      step,
      from: 'client',
      to: 'as',
    });
    const tokens = processTokenResponse(response.status, body);
    const exchanges = [...found.exchanges, exchange];
    return { step, exchanges, result: tokens.ok ? ok({ metadata, tokens: tokens.value }) : tokens };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** RFC 7009 §2.1: the service revokes its token at the endpoint discovery names. */
export async function revokeToken(step: string, own: OwnToken): Promise<StepOutput<{ status: number }>> {
  const endpoint = own.metadata.revocation_endpoint;
  if (!endpoint)
    return {
      step,
      exchanges: [],
      result: fail('no_revocation_endpoint', 'The discovery document names no revocation_endpoint (RFC 8414 §2).', step),
    };
  return recordedCall(step, revocationRequest(endpoint, PRINTER, own.tokens.access_token), processRevocationResponse, 'as', 'client');
}

const stolen = (own: OwnToken, sent: string): Replay => ({
  token: own.tokens.access_token,
  victim: PRINTER.clientId,
  victimName: PRINTER.name,
  sent,
});

const ID = 'revocation';

/** The service's token → Mallory's stolen copy works → the service revokes it (RFC 7009) → Mallory tries again: the RS's answer is the Outcome. */
export const revocationMachine = setup({
  types: { context: {} as RevocationContext, events: {} as Event, input: {} as AttackInput, tags: {} as typeof BUSY },
  actors: {
    clientToken: fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(({ input }) =>
      printersToken(input.step, input.realm),
    ),
    stolenUse: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; own: OwnToken }>>(({ input }) =>
      replayAtRs(input.step, input.realm, stolen(input.own, 'the stolen token')),
    ),
    revoke: fromPromise<StepOutput<{ status: number }>, StepInput<{ own: OwnToken }>>(({ input }) => revokeToken(input.step, input.own)),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; own: OwnToken }>>(({ input }) =>
      replayAtRs(input.step, input.realm, stolen(input.own, 'the stolen token after it was revoked')),
    ),
  },
  actions: {
    ...sharedActions<RevocationContext, Event>(),
    storeOwn: assign(({ event }) => {
      const own = resultValue<OwnToken>(event);
      return { own, metadata: own?.metadata };
    }),
    storeBefore: assign({ before: ({ event }) => resultValue<Outcome>(event) }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: sharedGuards,
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'clientToken',
  states: {
    ...requestSteps<RevocationContext>(ID)({
      clientToken: {
        meta: S.clientToken,
        src: 'clientToken',
        input: ({ context }) => ({ realm: context.input.realm }),
        store: 'storeOwn',
        next: 'stolenUse',
      },
      stolenUse: {
        meta: S.stolenUse,
        src: 'stolenUse',
        input: ({ context }) => ({ realm: context.input.realm, own: context.own! }),
        store: 'storeBefore',
        next: 'revoke',
      },
      revoke: { meta: S.revoke, src: 'revoke', input: ({ context }) => ({ own: context.own! }), next: 'replay' },
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({ realm: context.input.realm, own: context.own! }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
