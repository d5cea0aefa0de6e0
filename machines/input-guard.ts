/**
 * A guard that reads nothing but the run's input (the attack's variant, the Server switch): it gives
 * the same answer at the first step as at the fork, so the step list can follow it before the run gets
 * there (components/flow-player/planned-steps.ts). A guard on a server's answer must not be one.
 */

const INPUT_TEST = Symbol('flowlab.inputGuard');

type InputTest<I> = (input: I) => boolean;
type Marked<I> = ((args: { context: { input: I } }) => boolean) & { [INPUT_TEST]: InputTest<I> };

/** Wraps a test of the input as an XState guard the planner may evaluate ahead of time. */
export function inputGuard<I>(test: InputTest<I>): Marked<I> {
  const guard = ({ context }: { context: { input: I } }) => test(context.input);
  return Object.assign(guard, { [INPUT_TEST]: test });
}

/** The test behind a guard made by `inputGuard`, or undefined for any other guard. */
export function inputTestOf(guard: unknown): InputTest<unknown> | undefined {
  return typeof guard === 'function' && INPUT_TEST in guard ? (guard as Marked<unknown>)[INPUT_TEST] : undefined;
}
