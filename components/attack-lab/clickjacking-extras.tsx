'use client';
import { TripButton } from '@/components/flow-player/as-hand-off';
import { CopyButton } from '@/components/flow-player/copy-button';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { ClickjackingContext } from '@/machines/attacks/clickjacking.machine';

/** Mallory's lure page, the framing headers she found, and the hand-off to her page where the learner plays Alice. */
export function ClickjackingExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as ClickjackingContext;
  if (step === 'craft' && context.lure) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">Mallory’s page, and the authorization request it frames</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.lure.lureUrl}</p>
      </div>
    );
  }
  if (step === 'aliceVisits' && context.lure) {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>
          You are Alice: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>{' '}
          <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
        </p>
        <p>
          On Mallory’s page, sign in inside the half-visible frame, then press the red{' '}
          <span className="font-semibold">Claim your prize</span> button, and come back with{' '}
          <span className="font-semibold">Back to the lab</span>.
        </p>
        {live && <TripButton onGo={goToAuthorizationServer}>Open Mallory’s page as Alice</TripButton>}
      </div>
    );
  }
  return null;
}
