import type { StepMeta } from '@/machines/step-meta';

export interface KnowsInput {
  /** The steps entered so far, in order. */
  trail: readonly string[];
  /** How many of them are on screen (1-based: the step viewed is trail[viewing - 1]). */
  viewing: number;
  steps: Readonly<Record<string, Pick<StepMeta, 'knows' | 'pause'>>>;
  /** The steps that have sent something (an exchange recorded with that step). */
  sentIn: ReadonlySet<string>;
}

/**
 * What each party knows at the step viewed: the `knows` of the steps up to it (a step's `knows` is what is
 * known after it). A step that waits for the learner (`pause: 'wait'` or `'navigate'`) has not happened
 * until it sends: until then its `knows` is not shown, so the AS does not say "family revoked" before
 * the replay is sent (refresh-token.steps.ts, replaySpent).
 */
export function knowsAt({ trail, viewing, steps, sentIn }: KnowsInput): Record<string, string[]> {
  const known: Record<string, string[]> = {};
  trail.slice(0, viewing).forEach((step, i) => {
    const meta = steps[step];
    if (!meta?.knows) return;
    const waiting = i === viewing - 1 && (meta.pause === 'wait' || meta.pause === 'navigate') && !sentIn.has(step);
    if (waiting) return;
    for (const [actor, items] of Object.entries(meta.knows)) known[actor] = [...new Set([...(known[actor] ?? []), ...(items ?? [])])];
  });
  return known;
}
