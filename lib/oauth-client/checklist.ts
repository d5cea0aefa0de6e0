/** One line of a validation checklist shown to the learner. */
export interface Check {
  name: string;
  passed: boolean;
  detail: string;
  spec: string;
}

export const allPassed = (checks: readonly Check[]) => checks.length > 0 && checks.every((c) => c.passed);
