import type { StepMeta } from '@/machines/step-meta';

/** All steps so far; the one on screen is marked. Clicking one reviews it without re-sending anything. */
export function Timeline({ trail, steps, viewing, onPick }: { trail: string[]; steps: Readonly<Record<string, StepMeta>>; viewing: number; onPick: (index: number) => void }) {
  return (
    <nav aria-label="Steps so far">
      <ol className="space-y-1 text-sm">
        {trail.map((step, i) => (
          <li key={`${step}-${i}`}>
            <button
              type="button"
              onClick={() => onPick(i + 1)}
              aria-current={viewing === i + 1 ? 'step' : undefined}
              className={`w-full rounded px-2 py-1 text-left ${viewing === i + 1 ? 'bg-indigo-100 font-semibold text-indigo-950' : 'text-slate-800 hover:bg-slate-100'}`}
            >
              {i + 1}. {steps[step]?.title ?? step}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
