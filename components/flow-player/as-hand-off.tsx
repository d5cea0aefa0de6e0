'use client';
import type { ReactNode } from 'react';

/**
 * The step before the browser leaves for the AS (every sign-in flow and attack): what to type there,
 * and, while the step is live, the button that saves the run and navigates.
 */
export function AsHandOff({ live, onGo, children }: { live: boolean; onGo: () => void; children: ReactNode }) {
  return (
    <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
      {children}
      {live && <TripButton onGo={onGo}>Go to the authorization server</TripButton>}
    </div>
  );
}

/**
 * The button that sends the browser off to another party (the AS, Mallory's page): the step's primary
 * action, so focus lands on it when the step appears (use-step-focus.ts) and on the way back the run resumes there.
 */
export function TripButton({ onGo, children }: { onGo: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onGo}
      data-primary-action=""
      className="rounded bg-indigo-700 px-3 py-2 font-semibold text-white hover:bg-indigo-800"
    >
      {children}
    </button>
  );
}

/** A redirect URL with its fragment highlighted: what an implicit response exposes to history and scripts. */
export function FragmentMarked({ url }: { url: string }) {
  const hash = url.indexOf('#');
  return (
    <p className="break-all font-mono text-xs">
      {hash < 0 ? url : url.slice(0, hash)}
      {hash >= 0 && <mark className="bg-amber-200">{url.slice(hash)}</mark>}
    </p>
  );
}
