'use client';
import { lazy } from 'react';

/** The export panel's own chunk: its converters (and Mermaid's grammar knowledge) never weigh on a page's first load. */
export const LazyRunExportPanel = lazy(() => import('./run-export-panel'));

/** In the step list: opens or closes the export panel (shown under the step, loaded on the first click). */
export function ExportToggle({ open, controls, onToggle }: { open: boolean; controls: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="px-2 text-sm font-medium text-indigo-800 underline"
    >
      {open ? 'Hide the export' : 'Export this run…'}
    </button>
  );
}
