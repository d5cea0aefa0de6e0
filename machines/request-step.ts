import { BUSY, type StepMeta } from './step-meta';

/** The entry action of every step: appends it to the trail (each machine defines `enterStep`). */
export const enterStep = (step: string) => ({ type: 'enterStep', params: { step } }) as const;

export interface RequestStepSpec<Src extends string, Store extends string, Ctx, In> {
  /** The machine's id, for `#id.failed` and `#id.<next>`. */
  machine: string;
  step: string;
  meta: StepMeta;
  /** The actor that makes the request (a `fromPromise` returning a StepOutput). */
  src: Src;
  input?: (args: { context: Ctx }) => In;
  /** A named action that keeps the result's value in the context, besides `storeOutput`. */
  store?: Store;
  /** Where the learner's Next goes once the step has its answer. */
  next: string;
}

export interface ActionStepSpec<Src extends string, Store extends string, Ctx, In, Trigger extends string> extends RequestStepSpec<Src, Store, Ctx, In> {
  /** The learner's event that sends the request (the step waits in `idle` until then). */
  trigger: Trigger;
}

/**
 * A step that sends one request, the shape most states of every flow machine share: `running`
 * (tagged {@link BUSY}) invokes the actor; a failed result ends the run in `#machine.failed`; a good one is stored and
 * `ready` waits for Next. The machine's `setup()` must define `enterStep`, `storeOutput`, the
 * `store` action and the `stepFailed` guard.
 */
export function requestStep<Src extends string, Ctx, In = never, Store extends string = 'storeOutput'>(spec: RequestStepSpec<Src, Store, Ctx, In>) {
  return {
    meta: spec.meta,
    entry: enterStep(spec.step),
    initial: 'running',
    states: requestStates(spec),
  } as const;
}

/** A step whose request waits for the learner's button (e.g. "Replay the spent refresh token"). */
export function actionStep<Src extends string, Ctx, Trigger extends string, In = never, Store extends string = 'storeOutput'>(spec: ActionStepSpec<Src, Store, Ctx, In, Trigger>) {
  const idle = { on: { [spec.trigger]: 'running' } as Record<Trigger, 'running'> };
  return {
    meta: spec.meta,
    entry: enterStep(spec.step),
    initial: 'idle',
    states: { idle, ...requestStates(spec) },
  } as const;
}

function requestStates<Src extends string, Ctx, In, Store extends string>(spec: RequestStepSpec<Src, Store, Ctx, In>) {
  const stored = spec.store ? (['storeOutput', spec.store] as const) : (['storeOutput'] as const);
  return {
    running: {
      tags: [BUSY],
      invoke: {
        id: spec.src,
        src: spec.src,
        input: spec.input,
        onDone: [
          { guard: 'stepFailed', target: `#${spec.machine}.failed`, actions: 'storeOutput' },
          { target: 'ready', actions: stored },
        ],
      },
    },
    ready: { on: { 'user.next': `#${spec.machine}.${spec.next}` } },
  } as const;
}
