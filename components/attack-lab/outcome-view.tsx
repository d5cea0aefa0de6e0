'use client';
import type { RunFooterProps } from '@/components/flow-player/flow-run';
import type { AttackContextBase } from '@/machines/attacks/attack-input';
import { SpecLinks } from './spec-links';
import { InlineCode } from '@/components/ui/inline-code';

/**
 * The attack's verdict (DESIGN.md): a region labelled **Outcome** whose text begins with
 * "Attack succeeded" or "Attack blocked", then what the server did, the fix and its sections.
 * Shown once the run has reached its last step; the words come from the machine (its outcome
 * step's `fix`) and from the server's own answer, never from the mode the learner picked.
 */
export function OutcomeView({ context, meta, ended }: RunFooterProps) {
  const outcome = (context as AttackContextBase).outcome;
  if (!ended || !outcome) return null;
  const tone = outcome.succeeded ? 'border-rose-400 bg-rose-50 text-rose-950' : 'border-emerald-500 bg-emerald-50 text-emerald-950';
  return (
    <section role="region" aria-label="Outcome" className={`rounded-lg border-2 p-4 ${tone}`}>
      <p className="text-lg">
        <strong>{outcome.succeeded ? 'Attack succeeded' : 'Attack blocked'}</strong>: {outcome.what}
      </p>
      {meta?.fix && (
        <p className="mt-2">
          <strong>Fix:</strong> <InlineCode text={meta.fix.text} /> <SpecLinks specs={meta.fix.specs} />
        </p>
      )}
    </section>
  );
}
