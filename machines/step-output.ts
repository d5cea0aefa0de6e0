import type { Exchange } from '@/lib/http-trace/types';
import type { Check } from '@/lib/oauth-client/checklist';
import type { Result } from '@/lib/oauth-client/result';
import type { FlowContextBase } from './step-meta';

/** What every injected actor returns: the exchanges it recorded, the checks it made, and its result as a value. */
export interface StepOutput<T> {
  step: string;
  exchanges: Exchange[];
  checks?: Check[];
  facts?: Array<{ label: string; value: string }>;
  result: Result<T>;
}

/** An actor's input: what its step passes, plus the step's name (`requestStep` adds it). */
export type StepInput<T = unknown> = T & { step: string };

/** Merges a step's output into the shared context fields (immutably). */
export function mergeStepOutput<C extends FlowContextBase>(context: C, out: StepOutput<unknown>): Partial<FlowContextBase> {
  return {
    exchanges: [...context.exchanges, ...out.exchanges],
    checks: out.checks ? { ...context.checks, [out.step]: out.checks } : context.checks,
    facts: out.facts ? { ...context.facts, [out.step]: [...(context.facts[out.step] ?? []), ...out.facts] } : context.facts,
    error: out.result.ok ? context.error : out.result.error,
  };
}

/** Turns a thrown network error into a step output, so the machine never sees an untyped failure. */
export function networkFailure(step: string, e: unknown): StepOutput<never> {
  const message = e instanceof Error ? e.message : String(e);
  return {
    step,
    exchanges: [],
    result: { ok: false, error: { code: 'network_error', message: `The request could not be sent: ${message}`, where: step } },
  };
}

/** The value of a step's result in a done event, or undefined when the step failed. */
export function resultValue<T>(event: unknown): T | undefined {
  const r = (event as { output: StepOutput<unknown> }).output.result;
  return r.ok ? (r.value as T) : undefined;
}
