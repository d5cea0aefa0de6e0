import type { Exchange } from '@/lib/http-trace/types';
import type { ParticipantNames } from './participants';

/** One run as the exports read it: the recorded exchanges, in the order they happened, and the steps they belong to. */
export interface RunForExport {
  /** The flow's or attack's title, e.g. "Authorization code + PKCE + OpenID Connect". */
  title: string;
  exchanges: readonly Exchange[];
  /** The trail: step names in the order the run took them. */
  trail: readonly string[];
  /** Each step's title, by step name (the machine's meta). */
  stepTitles: Readonly<Record<string, string>>;
  /** How the diagram names the parties (participants.ts). */
  names: ParticipantNames;
}

/**
 * The step an exchange was recorded under, as the step list numbers it: `polling.poll` (a poll of the
 * device flow) is step `polling`. Undefined when the trail does not have it.
 */
export function stepNumber(run: Pick<RunForExport, 'trail'>, step: string): { n: number; name: string } | undefined {
  const name = run.trail.includes(step) ? step : step.split('.')[0];
  const i = run.trail.indexOf(name);
  return i < 0 ? undefined : { n: i + 1, name };
}
