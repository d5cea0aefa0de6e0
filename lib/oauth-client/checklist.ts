/**
 * How a check came out. `skipped` and `weakened` only happen in a lab realm: a weakness switched
 * the check off, or made it run with a weaker rule (and then it passed).
 */
export type CheckOutcome = 'pass' | 'fail' | 'skipped' | 'weakened';

/** One line of a validation checklist shown to the learner. */
export interface Check {
  name: string;
  /** True only when the check ran and the rule held (`weakened` counts: it passed its weaker rule). */
  passed: boolean;
  detail: string;
  spec: string;
  /** Absent on an ordinary check: then it is `pass` or `fail` as `passed` says. */
  outcome?: CheckOutcome;
}

export const outcomeOf = (c: Check): CheckOutcome => c.outcome ?? (c.passed ? 'pass' : 'fail');

export const allPassed = (checks: readonly Check[]) => checks.length > 0 && checks.every((c) => c.passed);
