import { IntentLink } from '@/components/ui/intent-link';
import { GLOSSARY } from '@/lib/learn/glossary';
import { cite, parseLabel } from '@/lib/learn/spec-sections';

/** /learn/glossary: every term the app uses, each an anchor (`#pkce`) with the section that defines it. */
export function GlossaryPage() {
  const terms = [...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  return (
    <>
      <h1 className="text-3xl font-bold">Glossary</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        The words the flows, the debugger and the attack lab use, each with the section that defines it. Link to a term with its anchor,
        e.g. <code>/learn/glossary#pkce</code>. Back to{' '}
        <IntentLink className="text-indigo-800 underline" href="/learn">
          Learn
        </IntentLink>
        .
      </p>
      <dl className="mt-6 max-w-3xl divide-y divide-slate-200">
        {terms.map((t) => (
          <div key={t.id} id={t.id} className="scroll-mt-4 py-3 target:bg-amber-50 target:outline-2 target:outline-amber-300">
            <dt className="font-semibold">
              <a href={`#${t.id}`} className="text-slate-950 hover:underline">
                {t.term}
              </a>
            </dt>
            <dd className="mt-1 text-slate-800">
              {t.definition}{' '}
              {t.specs.length === 0 ? (
                <span className="text-sm text-slate-700">(a term of this app)</span>
              ) : (
                t.specs.map((s) => {
                  const p = parseLabel(s)!;
                  const ref = cite(p.doc, p.section);
                  return (
                    <a
                      key={s}
                      href={ref.href}
                      title={ref.title}
                      className="mr-2 inline-block max-w-full break-words text-sm text-indigo-800 underline"
                    >
                      {ref.label}
                    </a>
                  );
                })
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
