import { describe, expect, it } from 'vitest';
import { citationProblem } from '@/lib/learn/spec-sections';
import { machineCitationProblems } from '@/lib/learn/machine-citations';
import { ATTACKS } from './attack-registry';
import { loadAttack } from './attack-loaders';

/** No free-text citations in the lab: every section an attack cites is one the app knows, with its exact link. */
describe('attack lab citations', () => {
  it('every index entry cites known sections', () => {
    const problems = ATTACKS.flatMap((a) =>
      a.specs
        .map((s) => citationProblem(s))
        .filter(Boolean)
        .map((p) => `${a.slug}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it.each(ATTACKS.filter((a) => a.playable).map((a) => [a.slug, a] as const))(
    '%s: every step, outcome and fix cites known sections',
    async (_slug, entry) => {
      const def = await loadAttack(entry.slug)!;
      expect(machineCitationProblems(def.machine)).toEqual([]);
      // Every attack ends in a step that names the fix.
      expect(Object.values(def.machine.root.states).some((s) => (s.meta as { fix?: unknown } | undefined)?.fix)).toBe(true);
    },
  );
});
