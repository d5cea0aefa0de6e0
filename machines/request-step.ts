import { BUSY, type StepMeta } from './step-meta';
import type { StepInput } from './step-output';

/** The entry action of every step: appends it to the trail (`enterStep` of shared.ts). */
export const enterStep = (step: string) => ({ type: 'enterStep', params: { step } }) as const;

export interface RequestStepSpec<Src extends string, Store extends string, Ctx, In> {
  /** The machine's id, for `#id.failed` and `#id.<next>`. */
  machine: string;
  step: string;
  meta: StepMeta;
  /** The actor that makes the request (a `fromPromise` returning a StepOutput); its input gets `step` added. */
  src: Src;
  input?: (args: { context: Ctx }) => In;
  /** A named action that keeps the result's value in the context, besides `storeOutput`. */
  store?: Store;
  /** Where the learner's Next goes once the step has its answer. */
  next: string;
}

export interface ActionStepSpec<Src extends string, Store extends string, Ctx, In, Trigger extends string> extends RequestStepSpec<
  Src,
  Store,
  Ctx,
  In
> {
  /** The learner's event that sends the request (the step waits in `idle` until then). */
  trigger: Trigger;
}

/**
 * A step that sends one request, the shape most states of every flow machine share: `running`
 * (tagged {@link BUSY}) invokes the actor; a failed result ends the run in `#machine.failed`; a good one is stored and
 * `ready` waits for Next. The machine's `setup()` must spread `sharedActions()` and `sharedGuards`
 * (shared.ts) and define the `store` action.
 */
export function requestStep<Src extends string, Ctx, In extends object = object, Store extends string = 'storeOutput'>(
  spec: RequestStepSpec<Src, Store, Ctx, In>,
) {
  return {
    meta: spec.meta,
    entry: enterStep(spec.step),
    initial: 'running',
    states: requestStates(spec),
  } as const;
}

/** A step whose request waits for the learner's button (e.g. "Replay the spent refresh token"). */
export function actionStep<
  Src extends string,
  Ctx,
  Trigger extends string,
  In extends object = object,
  Store extends string = 'storeOutput',
>(spec: ActionStepSpec<Src, Store, Ctx, In, Trigger>) {
  const idle = { on: { [spec.trigger]: 'running' } as Record<Trigger, 'running'> };
  return {
    meta: spec.meta,
    entry: enterStep(spec.step),
    initial: 'idle',
    states: { idle, ...requestStates(spec) },
  } as const;
}

function requestStates<Src extends string, Ctx, In extends object, Store extends string>(spec: RequestStepSpec<Src, Store, Ctx, In>) {
  const stored = spec.store ? (['storeOutput', spec.store] as const) : (['storeOutput'] as const);
  return {
    running: {
      tags: [BUSY],
      invoke: {
        id: spec.src,
        src: spec.src,
        // The actor learns its step's name here, so no actor writes it down again.
        input: (args: { context: Ctx }): StepInput<In> => ({ ...(spec.input?.(args) as In), step: spec.step }),
        onDone: [
          { guard: 'stepFailed', target: `#${spec.machine}.failed`, actions: 'storeOutput' },
          { target: 'ready', actions: stored },
        ],
      },
    },
    ready: { on: { 'user.next': `#${spec.machine}.${spec.next}` } },
  } as const;
}

type KeyedSpec<Ctx> = Omit<RequestStepSpec<string, string, Ctx, object>, 'machine' | 'step'>;
type InOf<S> = S extends { input: (args: never) => infer I } ? (I extends object ? I : object) : object;
type StoreOf<S> = S extends { store: infer St extends string } ? St : 'storeOutput';
type SrcOf<S> = S extends { src: infer Sr extends string } ? Sr : never;

/**
 * Request steps named by their keys, for a machine with id `machine`: the state key is the step's
 * name on the trail and in its actor's input, written once. `requestSteps<Ctx>(id)({ discover: {…} })`.
 */
export function requestSteps<Ctx>(machine: string) {
  return <const T extends Record<string, KeyedSpec<Ctx>>>(specs: T) =>
    Object.fromEntries(Object.entries(specs).map(([step, spec]) => [step, requestStep({ ...spec, machine, step })])) as {
      [K in keyof T]: ReturnType<typeof requestStep<SrcOf<T[K]>, Ctx, InOf<T[K]>, StoreOf<T[K]>>>;
    };
}

type KeyedActionSpec<Ctx> = Omit<ActionStepSpec<string, string, Ctx, object, string>, 'machine' | 'step'>;
type TriggerOf<S> = S extends { trigger: infer Tr extends string } ? Tr : never;

/** Action steps (the request waits for the learner's button) named by their keys, as {@link requestSteps}. */
export function actionSteps<Ctx>(machine: string) {
  return <const T extends Record<string, KeyedActionSpec<Ctx>>>(specs: T) =>
    Object.fromEntries(Object.entries(specs).map(([step, spec]) => [step, actionStep({ ...spec, machine, step })])) as {
      [K in keyof T]: ReturnType<typeof actionStep<SrcOf<T[K]>, Ctx, TriggerOf<T[K]>, InOf<T[K]>, StoreOf<T[K]>>>;
    };
}

/** Steps that end the run, named by their keys: `endSteps({ done: S.done, failed: S.failed })`. */
export function endSteps<const T extends Record<string, StepMeta>>(metas: T) {
  return Object.fromEntries(
    Object.entries(metas).map(([step, meta]) => [step, { meta, entry: enterStep(step), type: 'final' as const }]),
  ) as {
    [K in keyof T]: { meta: StepMeta; entry: ReturnType<typeof enterStep>; type: 'final' };
  };
}
