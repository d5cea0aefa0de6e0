import { assign, fromPromise, setup } from 'xstate';
import { judgeReplay, type Outcome } from '@/lib/attack-lab/verdict';
import { recordFetch } from '@/lib/http-trace/record';
import { dpopProof, generateDPoPKey, type DPoPKey } from '@/lib/oauth-client/dpop-proof';
import { checksFromReport } from '@/lib/oauth-client/resource-server-report';
import { fail, ok } from '@/lib/oauth-client/result';
import { bearerRequest, clientCredentialsRequest } from '@/lib/oauth-client/token-requests';
import { processTokenResponse } from '@/lib/oauth-client/token-response';
import { apiUrl, type RealmDescriptor } from '@/lib/realms/descriptor';
import { discover, sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, requestSteps } from '../request-step';
import { type BUSY, emptyFlowContext } from '../step-meta';
import { networkFailure, resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput, ServerMode } from './attack-input';
import { MALLORY_CLIENT, type OwnToken } from './mallory';
import { STOLEN_DPOP_STEPS as S } from './stolen-token-dpop.steps';

/** The app whose token is stolen: the lab's `service` client plays a photo-printing service. */
const PRINTER = { ...MALLORY_CLIENT, name: 'the printing service' };

/** The client's DPoP keys live in memory only (a CryptoKey cannot be saved with the run), by run. */
const keys = new Map<string, DPoPKey>();

export interface ClientToken extends OwnToken {
  /** Set when the client asked for a DPoP-bound token (the Hardened side). */
  keyId?: string;
}

export interface StolenDpopContext extends AttackContextBase {
  own?: ClientToken;
  metadata?: OwnToken['metadata'];
  /** The DPoP proof the client sent with its API call: Mallory copies it. */
  clientProof?: string;
  /** Mallory's first attempt (the token from her machine), then her replay of the copied proof. */
  attempts: Outcome[];
}

type Event = { type: 'user.next' };

/** The Hardened side's client proves possession of a key (RFC 9449); the Vulnerable side's client uses plain bearer tokens. */
const usesDpop = (mode: ServerMode) => mode === 'hardened';

async function clientToken(step: string, realm: RealmDescriptor, mode: ServerMode): Promise<StepOutput<ClientToken>> {
  const found = await discover(realm.issuer, step, 'client');
  if (!found.result.ok) return { ...found, result: found.result };
  const metadata = found.result.value;
  try {
    const request = clientCredentialsRequest(metadata.token_endpoint, PRINTER, 'photos:read');
    let keyId: string | undefined;
    if (usesDpop(mode)) {
      const key = await generateDPoPKey();
      keyId = crypto.randomUUID();
      keys.set(keyId, key);
      request.headers.set('dpop', await dpopProof(key, { htm: 'POST', htu: metadata.token_endpoint }));
    }
    const { exchange, response, body } = await recordFetch(request, { step, from: 'client', to: 'as' });
    const tokens = processTokenResponse(response.status, body, step, keyId ? ['dpop'] : ['bearer']);
    const exchanges = [...found.exchanges, exchange];
    if (!tokens.ok) return { step, exchanges, result: tokens };
    const facts = [{ label: 'token_type', value: tokens.value.token_type }];
    return { step, exchanges, facts, result: ok({ metadata, tokens: tokens.value, keyId }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** One `GET /photos`, recorded; `proof` makes it `Authorization: DPoP` (RFC 9449 §7.1), else Bearer (RFC 6750 §2.1). */
async function callPhotos(step: string, realm: RealmDescriptor, token: string, from: 'client' | 'attacker', proof?: string) {
  const request = bearerRequest(apiUrl(realm, 'photos'), token);
  if (proof) {
    request.headers.set('authorization', `DPoP ${token}`);
    request.headers.set('dpop', proof);
  }
  const { exchange, response, body } = await recordFetch(request, { step, from, to: 'rs' });
  const www = response.headers.get('www-authenticate');
  const facts = [{ label: 'HTTP status', value: String(response.status) }];
  if (www) facts.push({ label: 'WWW-Authenticate', value: www });
  return { exchange, response, body, www, facts, checks: checksFromReport(response.headers) };
}

async function clientCall(step: string, realm: RealmDescriptor, own: ClientToken): Promise<StepOutput<{ proof?: string }>> {
  try {
    const key = own.keyId ? keys.get(own.keyId) : undefined;
    if (own.keyId && !key)
      return {
        step,
        exchanges: [],
        result: fail(
          'dpop_key_lost',
          'The client’s DPoP key is gone (it lives only in this tab’s memory): press Reset to start again.',
          step,
        ),
      };
    const proof = key
      ? await dpopProof(key, { htm: 'GET', htu: apiUrl(realm, 'photos'), accessToken: own.tokens.access_token })
      : undefined;
    const r = await callPhotos(step, realm, own.tokens.access_token, 'client', proof);
    if (r.response.status !== 200)
      return {
        step,
        exchanges: [r.exchange],
        checks: r.checks,
        facts: r.facts,
        result: fail('api_refused', `The API refused the client’s own call: HTTP ${r.response.status}.`, step),
      };
    return { step, exchanges: [r.exchange], checks: r.checks, facts: r.facts, result: ok({ proof }) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

const judged = (r: Awaited<ReturnType<typeof callPhotos>>, sent: string) =>
  judgeReplay(
    { status: r.response.status, body: r.body, wwwAuthenticate: r.www },
    { victim: PRINTER.clientId, victimName: PRINTER.name, sent },
  );

/**
 * Mallory, on her own machine, with the stolen token. A bearer token she simply sends. A DPoP-bound
 * one needs a proof by the bound key, which she lacks: she signs one with a key of her own.
 */
async function stolenUse(step: string, realm: RealmDescriptor, own: ClientToken): Promise<StepOutput<Outcome>> {
  try {
    const bound = own.tokens.token_type.toLowerCase() === 'dpop';
    const proof = bound
      ? await dpopProof(await generateDPoPKey(), { htm: 'GET', htu: apiUrl(realm, 'photos'), accessToken: own.tokens.access_token })
      : undefined;
    const r = await callPhotos(step, realm, own.tokens.access_token, 'attacker', proof);
    const outcome = judged(r, bound ? 'the stolen DPoP-bound token with a proof signed by Mallory’s own key' : 'the stolen bearer token');
    return { step, exchanges: [r.exchange], checks: r.checks, facts: r.facts, result: ok(outcome) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** She copies the client's proof too and sends it unchanged (RFC 9449 §11.1): a proof is good for one request. */
async function proofReplay(step: string, realm: RealmDescriptor, own: ClientToken, clientProof?: string): Promise<StepOutput<Outcome>> {
  try {
    const r = await callPhotos(step, realm, own.tokens.access_token, 'attacker', clientProof);
    const outcome = judged(
      r,
      clientProof ? 'the stolen token with the client’s own proof, copied' : 'the stolen bearer token again (there is no proof to copy)',
    );
    return { step, exchanges: [r.exchange], checks: r.checks, facts: r.facts, result: ok(outcome) };
  } catch (e) {
    return networkFailure(step, e);
  }
}

/** The attack worked if any of Mallory's two attempts got the photos; the sentence reports both. */
export function combine(attempts: readonly Outcome[]): Outcome {
  const succeeded = attempts.some((a) => a.succeeded);
  const [first, second] = attempts;
  return {
    succeeded,
    what: `from Mallory’s machine, ${first?.what ?? 'nothing was sent.'} Then ${second?.what ?? 'nothing more was sent.'}`,
  };
}

const ID = 'stolenTokenDpop';

export const stolenTokenDpopMachine = setup({
  types: { context: {} as StolenDpopContext, events: {} as Event, input: {} as AttackInput, tags: {} as typeof BUSY },
  actors: {
    clientToken: fromPromise<StepOutput<ClientToken>, StepInput<{ realm: RealmDescriptor; mode: ServerMode }>>(({ input }) =>
      clientToken(input.step, input.realm, input.mode),
    ),
    clientCall: fromPromise<StepOutput<{ proof?: string }>, StepInput<{ realm: RealmDescriptor; own: ClientToken }>>(({ input }) =>
      clientCall(input.step, input.realm, input.own),
    ),
    stolenUse: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; own: ClientToken }>>(({ input }) =>
      stolenUse(input.step, input.realm, input.own),
    ),
    proofReplay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; own: ClientToken; proof?: string }>>(({ input }) =>
      proofReplay(input.step, input.realm, input.own, input.proof),
    ),
  },
  actions: {
    ...sharedActions<StolenDpopContext, Event>(),
    storeOwn: assign(({ event }) => {
      const own = resultValue<ClientToken>(event);
      return { own, metadata: own?.metadata };
    }),
    storeProof: assign({ clientProof: ({ event }) => resultValue<{ proof?: string }>(event)?.proof }),
    storeAttempt: assign({
      attempts: ({ context, event }) => [...context.attempts, ...(resultValue<Outcome>(event) ? [resultValue<Outcome>(event)!] : [])],
    }),
    storeOutcome: assign(({ context, event }) => {
      const attempts = [...context.attempts, ...(resultValue<Outcome>(event) ? [resultValue<Outcome>(event)!] : [])];
      return { attempts, outcome: combine(attempts) };
    }),
  },
  guards: sharedGuards,
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input, attempts: [] }),
  initial: 'clientToken',
  states: {
    ...requestSteps<StolenDpopContext>(ID)({
      clientToken: {
        meta: S.clientToken,
        src: 'clientToken',
        input: ({ context }) => ({ realm: context.input.realm, mode: context.input.mode }),
        store: 'storeOwn',
        next: 'clientCall',
      },
      clientCall: {
        meta: S.clientCall,
        src: 'clientCall',
        input: ({ context }) => ({ realm: context.input.realm, own: context.own! }),
        store: 'storeProof',
        next: 'stolenUse',
      },
      stolenUse: {
        meta: S.stolenUse,
        src: 'stolenUse',
        input: ({ context }) => ({ realm: context.input.realm, own: context.own! }),
        store: 'storeAttempt',
        next: 'proofReplay',
      },
      proofReplay: {
        meta: S.proofReplay,
        src: 'proofReplay',
        input: ({ context }) => ({ realm: context.input.realm, own: context.own!, proof: context.clientProof }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
