import type { Check } from '@/lib/oauth-client/checklist';

/** A validation checklist: each rule, passed or failed, with the detail and the spec rule. */
export function ChecklistView({ title, checks }: { title: string; checks: Check[] }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {checks.map((c) => (
          <li key={c.name} className="flex gap-2">
            <span aria-hidden="true" className={c.passed ? 'text-green-700' : 'text-rose-700'}>
              {c.passed ? '✔' : '✘'}
            </span>
            <span>
              <span className="sr-only">{c.passed ? 'passed: ' : 'failed: '}</span>
              <span className="font-medium text-slate-900">{c.name}</span> <span className="text-slate-700">— {c.detail}</span>{' '}
              <span className="text-xs text-slate-600">({c.spec})</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
