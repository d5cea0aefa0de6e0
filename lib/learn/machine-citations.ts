import type { AnyStateMachine } from 'xstate';
import { stepsOf } from '@/machines/read-meta';
import { citationProblem, textCitationProblems } from './spec-sections';

/**
 * Every citation problem in a machine's steps: each `specs` link and each field's `spec` text must
 * name a section of lib/learn/spec-sections.ts. Call it from a test for any machine (flows, attacks):
 * `expect(machineCitationProblems(machine)).toEqual([])`.
 */
export function machineCitationProblems(machine: AnyStateMachine): string[] {
  const problems: string[] = [];
  for (const [step, meta] of Object.entries(stepsOf(machine))) {
    for (const ref of meta.specs) {
      const p = citationProblem(ref);
      if (p) problems.push(`${machine.id}.${step}: ${p}`);
    }
    for (const [field, f] of Object.entries(meta.fields ?? {})) {
      if (f.spec) for (const p of textCitationProblems(f.spec)) problems.push(`${machine.id}.${step}.fields.${field}: ${p}`);
    }
  }
  return problems;
}
