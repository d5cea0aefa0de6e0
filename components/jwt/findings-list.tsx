import type { Finding, Severity } from '@/lib/jwt/findings';

const BADGE: Record<Severity, string> = {
  high: 'bg-red-700 text-white',
  medium: 'bg-amber-200 text-amber-950',
  low: 'bg-sky-100 text-sky-900',
  info: 'bg-slate-200 text-slate-800',
};

/** Security findings, most severe first, each with its citations. `label` names the list where two are on one page. */
export function FindingsList({ findings, label = 'Security findings' }: { findings: Finding[]; label?: string }) {
  if (findings.length === 0) return <p className="text-sm text-slate-600">No security findings.</p>;
  return (
    <ul aria-label={label} className="space-y-2">
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} data-finding={f.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <p className="flex items-start gap-2">
            <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${BADGE[f.severity]}`}>{f.severity}</span>
            <span className="font-medium text-slate-900">{f.title}</span>
          </p>
          <p className="mt-1 text-slate-700">{f.detail}</p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-xs">
            {f.cite.map((c) => (
              <a key={c.label} href={c.href} target="_blank" rel="noreferrer" className="text-blue-700 underline">
                {c.label}
              </a>
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
