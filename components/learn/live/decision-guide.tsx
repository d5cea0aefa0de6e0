'use client';
import { IntentLink } from '@/components/ui/intent-link';
import { useId, useState } from 'react';
import { DECISION_GUIDE } from '@/lib/learn/decision-guide';
import { cite, parseLabel } from '@/lib/learn/spec-sections';

/** Pick the kind of app; the guide names the grant and links to the flow that runs it. */
export function DecisionGuide() {
  const name = useId();
  const [picked, setPicked] = useState<string | undefined>();
  const answer = DECISION_GUIDE.find((a) => a.id === picked);
  return (
    <div>
      <fieldset>
        <legend className="text-sm font-semibold">What are you building?</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {DECISION_GUIDE.map((a) => (
            <label key={a.id} className="flex items-start gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm">
              <input type="radio" name={name} value={a.id} checked={picked === a.id} onChange={() => setPicked(a.id)} className="mt-1" />
              {a.question}
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite" className="mt-3">
        {answer && (
          <div className="rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm" data-testid="decision">
            <p>
              <span className="font-semibold">Use: {answer.flow}.</span> {answer.why}
            </p>
            <p className="mt-1">
              {answer.specs.map((s) => {
                const p = parseLabel(s)!;
                const ref = cite(p.doc, p.section);
                return (
                  <a key={s} href={ref.href} className="mr-3 text-indigo-800 underline">
                    {ref.label}
                  </a>
                );
              })}
            </p>
            <p className="mt-2">
              <IntentLink href={answer.href} className="font-semibold text-indigo-800 underline">
                {/* Only the first letter: acronyms (PKCE) keep their case. */}
                Run the {answer.flow.charAt(0).toLowerCase() + answer.flow.slice(1)} flow
              </IntentLink>
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
