import { IntentLink } from '@/components/ui/intent-link';
import { LEARN_SECTIONS } from '@/lib/learn/sections';
import { BasicsSections } from './sections-basics';
import { PracticeSections } from './sections-practice';

/** /learn: the questions people arrive with, each answered in a screen and then shown on the real servers. */
export function LearnPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Learn OAuth, OpenID Connect and JWT</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Ten short answers to the questions people arrive with. Each ends in something to run against this app&apos;s own authorization and
        resource servers (realm demo). Terms are explained in the{' '}
        <IntentLink className="text-indigo-800 underline" href="/learn/glossary">
          glossary
        </IntentLink>
        .
      </p>
      <nav aria-label="Sections" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-700">Contents</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 sm:columns-2">
          {LEARN_SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-indigo-800 underline">
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="mt-8 space-y-10">
        <BasicsSections />
        <PracticeSections />
      </div>
    </>
  );
}
