import type { ReactNode } from 'react';
import type { StepMeta } from '@/machines/step-meta';
import { InlineCode } from '@/components/ui/inline-code';

export interface TimelineProps {
  /** Every step of the run: the ones taken (`reached` of them), then the ones ahead (planned-steps.ts). */
  plan: readonly string[];
  /** How many steps of `plan` the run has taken (the trail's length). */
  reached: number;
  /** The total is "about": a fork ahead may shorten the run. */
  approximate: boolean;
  steps: Readonly<Record<string, StepMeta>>;
  viewing: number;
  onPick: (index: number) => void;
  /** Under the list: the run's export menu, once the run has ended. */
  children?: ReactNode;
}

/**
 * Every step of the run from the start. Steps taken are buttons (clicking one reviews it without
 * re-sending anything); steps ahead are dimmed text, not controls, until the run reaches them.
 */
export function Timeline({ plan, reached, approximate, steps, viewing, onPick, children }: TimelineProps) {
  return (
    <nav aria-label="Steps of this run" className="space-y-2">
      {/* Code spans in titles are set in monospace only: a tinted box under the dimmed text of a step ahead fell below 4.5:1. */}
      <ol className="space-y-1 text-sm [&_code]:bg-transparent [&_code]:px-0">
        {plan.map((step, i) => {
          const title = steps[step]?.title ?? step;
          if (i >= reached)
            return (
              <li key={`${step}-${i}`} className="px-2 py-1 text-slate-500" data-ahead="">
                {i + 1}. <InlineCode text={title} />
                <span className="sr-only"> (not reached yet)</span>
              </li>
            );
          return (
            <li key={`${step}-${i}`}>
              <button
                type="button"
                onClick={() => onPick(i + 1)}
                aria-current={viewing === i + 1 ? 'step' : undefined}
                className={`w-full rounded px-2 py-1 text-left ${viewing === i + 1 ? 'bg-indigo-100 font-semibold text-indigo-950' : 'text-slate-800 hover:bg-slate-100'}`}
              >
                {i + 1}. <InlineCode text={title} />
              </button>
            </li>
          );
        })}
      </ol>
      {approximate && (
        <p className="px-2 text-xs text-slate-600">
          The steps ahead are the longest way this run can go; where a server’s answer ends it sooner (a hardened server refusing), the list
          gets shorter.
        </p>
      )}
      {children}
    </nav>
  );
}
