import type { Exchange } from '@/lib/http-trace/types';
import { participantsFor } from '@/lib/run-export/participants';
import type { RunForExport } from '@/lib/run-export/run';
import type { StepMeta } from '@/machines/step-meta';

/** What the player hands the export: the run as it is on screen. */
export interface ExportableRun {
  /** `authorization-code`, `attacks/alg-none`: names the files. */
  runKey: string;
  title?: string;
  exchanges: readonly Exchange[];
  trail: readonly string[];
  steps: Readonly<Record<string, StepMeta>>;
  /** The diagram's parties. */
  actors: readonly string[];
}

export function forExport(run: ExportableRun, fallbackTitle: string): RunForExport {
  return {
    title: run.title ?? fallbackTitle,
    exchanges: run.exchanges,
    trail: run.trail,
    stepTitles: Object.fromEntries(Object.entries(run.steps).map(([k, m]) => [k, m.title])),
    names: participantsFor(run.actors),
  };
}

/** `flowlab-attacks-alg-none`: a file name with nothing but letters, digits and dashes. */
export const fileStem = (runKey: string) => `flowlab-${runKey.replace(/[^a-z0-9-]+/gi, '-').slice(0, 60)}`;
