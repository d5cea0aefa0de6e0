import { memo } from 'react';
import { InlineCode, linkedTexts } from '@/components/ui/inline-code';
import type { StepMeta } from '@/machines/step-meta';

// A step's meta is static (the machine's own), so each card is linked once, not on every render of the player.
const linked = new WeakMap<StepMeta, ReturnType<typeof linkedTexts>>();
function linkedCard(meta: StepMeta) {
  let parts = linked.get(meta);
  if (!parts) linked.set(meta, (parts = linkedTexts([meta.explanation, ...meta.notice])));
  return parts;
}

/**
 * "Step 3 of 11" and the step's title (`#step-title`): the card's head, and (`inline`, on one line where it fits) the
 * head of the diagram's own screen in presenter mode.
 */
export function StepHeading({
  title,
  index,
  total,
  inline = false,
}: {
  title: string;
  index: number;
  total: number | string;
  inline?: boolean;
}) {
  const head = (
    <>
      <p className="text-xs font-medium uppercase tracking-wide text-indigo-700">
        Step {index} of {total}
      </p>
      <h2 id="step-title" className={`${inline ? '' : 'mt-1 '}text-xl font-semibold text-slate-900`}>
        <InlineCode text={title} />
      </h2>
    </>
  );
  return inline ? <div className="flex flex-wrap items-baseline gap-x-3">{head}</div> : head;
}

/**
 * Title, plain explanation, spec sections (linked) and what to notice; `backticks` in the texts are code,
 * and the first use of each glossary term in the card links to its entry (/learn/glossary#id).
 */
export const StepCard = memo(function StepCard({ meta, index, total }: { meta: StepMeta; index: number; total: number | string }) {
  const [explanation, ...notices] = linkedCard(meta);
  return (
    <section aria-labelledby="step-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <StepHeading title={meta.title} index={index} total={total} />
      <p className="mt-2 text-slate-800">
        <InlineCode text={meta.explanation} parts={explanation} />
      </p>
      {meta.specs.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          Follows:{' '}
          {meta.specs.map((s, i) => (
            <span key={s.href}>
              {i > 0 && ', '}
              <a className="text-indigo-800 underline" href={s.href} target="_blank" rel="noreferrer">
                {s.label}
              </a>
            </span>
          ))}
        </p>
      )}
      {meta.notice.length > 0 && (
        <div className="mt-3 rounded bg-amber-50 p-3">
          <h3 className="text-sm font-semibold text-amber-900">What to notice</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-950">
            {meta.notice.map((n, i) => (
              <li key={n}>
                <InlineCode text={n} parts={notices[i]} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
