import { memo } from 'react';
import { outcomeOf, type Check, type CheckOutcome } from '@/lib/oauth-client/checklist';

/** How each outcome looks: a lab realm's skipped or weakened check is a warning, never a tick. */
const LOOK: Record<CheckOutcome, { icon: string; className: string; said: string }> = {
  pass: { icon: '✔', className: 'text-green-700', said: 'passed: ' },
  fail: { icon: '✘', className: 'text-rose-700', said: 'failed: ' },
  skipped: { icon: '⚠', className: 'text-amber-700', said: 'skipped: ' },
  weakened: { icon: '⚠', className: 'text-amber-700', said: 'weakened: ' },
};

/** A validation checklist: each rule with its outcome, the detail and the spec rule. */
export const ChecklistView = memo(function ChecklistView({
  title,
  checks,
  empty = 'No checks were recorded.',
}: {
  title: string;
  checks: Check[];
  empty?: string;
}) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {checks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {checks.map((c) => {
            const outcome = outcomeOf(c);
            const look = LOOK[outcome];
            const warn = outcome === 'skipped' || outcome === 'weakened';
            return (
              <li key={c.name} className={`flex gap-2 ${warn ? 'rounded bg-amber-50 px-1' : ''}`}>
                <span aria-hidden="true" className={look.className}>
                  {look.icon}
                </span>
                {/* Details name key ids and hashes: long words break rather than widen the page. */}
                <span className="min-w-0 wrap-anywhere">
                  <span className="sr-only">{look.said}</span>
                  {warn && <span className="mr-1 rounded bg-amber-200 px-1 text-xs font-semibold uppercase text-amber-950">{outcome}</span>}
                  <span className="font-medium text-slate-900">{c.name}</span> <span className="text-slate-700">— {c.detail}</span>{' '}
                  <span className="text-xs text-slate-600">({c.spec})</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
