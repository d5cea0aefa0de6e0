import { enterStep } from '../request-step';
import type { StepMeta } from '../step-meta';

/**
 * The step in which the learner's browser leaves the lab (to the AS's sign-in, a link, Mallory's
 * page) and the state that waits for it to come back. The player saves the run, sends the browser
 * away (FlowRun.goToAuthorizationServer) and sends `browser.navigated`; on the way back it sends
 * `callback.received` (the AS redirected to /flows/callback) or, with `nextWithoutCallback`, the
 * learner presses Next (back by Mallory's "Back to the lab" link or the browser's Back button).
 */
export interface TripSpec<A extends string, N extends string, H extends string, CB extends string> {
  meta: StepMeta;
  /** The waiting state's name. */
  awaiting: A;
  /** Where the callback (and Next, with `nextWithoutCallback`) goes. */
  next: N;
  /** The action that records the hop out (an exchange from the browser). */
  recordHop?: H;
  /** The action that reads the callback URL. */
  readCallback?: CB;
  nextWithoutCallback?: boolean;
}

export function browserTrip<
  const S extends string,
  const A extends string,
  const N extends string,
  const H extends string = never,
  const CB extends string = never,
>(step: S, spec: TripSpec<A, N, H, CB>) {
  const callback = spec.readCallback ? { target: spec.next, actions: spec.readCallback } : { target: spec.next };
  const leave = spec.recordHop ? { target: spec.awaiting, actions: spec.recordHop } : { target: spec.awaiting };
  return {
    [step]: { meta: spec.meta, entry: enterStep(step), on: { 'browser.navigated': leave, 'callback.received': callback } },
    [spec.awaiting]: {
      meta: spec.meta,
      on: { 'callback.received': callback, ...(spec.nextWithoutCallback ? { 'user.next': spec.next } : {}) },
    },
  } as Record<
    S,
    {
      meta: StepMeta;
      entry: ReturnType<typeof enterStep>;
      on: { 'browser.navigated': { target: A; actions?: H }; 'callback.received': { target: N; actions?: CB } };
    }
  > &
    Record<A, { meta: StepMeta; on: { 'callback.received': { target: N; actions?: CB }; 'user.next'?: N } }>;
}
