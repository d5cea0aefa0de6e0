import { IntentLink } from '@/components/ui/intent-link';
import type { ReactNode } from 'react';
import { LEARN_SECTIONS, type LearnSectionId } from '@/lib/learn/sections';
import { cite, type SpecDoc } from '@/lib/learn/spec-sections';

/** A citation from the table of sections, as a link to the exact section. */
export function Cite({ doc, s }: { doc: SpecDoc; s: string }) {
  const ref = cite(doc, s);
  return (
    <a href={ref.href} title={ref.title} className="whitespace-nowrap text-indigo-800 underline">
      {ref.label}
    </a>
  );
}

/** An internal link (a flow step, an attack, a glossary term). */
export function Go({ href, children }: { href: string; children: ReactNode }) {
  return (
    <IntentLink href={href} className="font-medium text-indigo-800 underline">
      {children}
    </IntentLink>
  );
}

/** One screen of /learn: plain words, then the live element that shows them happening. */
export function LearnSection({ id, children, live }: { id: LearnSectionId; children: ReactNode; live: ReactNode }) {
  const n = LEARN_SECTIONS.findIndex((s) => s.id === id) + 1;
  const title = LEARN_SECTIONS[n - 1].title;
  return (
    // Ten long sections with live demos: content-visibility lets the browser lay out and paint only those near the screen,
    // so the first paint does not wait for the whole page's layout. `auto` keeps a drawn section's real height.
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 border-t border-slate-200 pt-8 [content-visibility:auto] [contain-intrinsic-size:auto_60rem]"
    >
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        {n}. {title}
      </h2>
      <div className="mt-3 max-w-3xl space-y-3 text-slate-800 [&_li]:ml-5 [&_ul]:list-disc [&_ul]:space-y-1">{children}</div>
      <div className="mt-4 rounded-lg border border-indigo-200 bg-white p-4">
        <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-indigo-900">Try it</h3>
        {live}
      </div>
    </section>
  );
}
