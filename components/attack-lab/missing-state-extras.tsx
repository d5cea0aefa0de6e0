'use client';
import { AsHandOff, TripButton } from '@/components/flow-player/as-hand-off';
import { CopyButton } from '@/components/flow-player/copy-button';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { MissingStateContext } from '@/machines/attacks/missing-state.machine';

/** The login-CSRF panels: the learner signs in as Mallory, then opens her page as Alice. */
export function MissingStateExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as MissingStateContext;
  if (step === 'mallorySignsIn') {
    return (
      <AsHandOff live={live} onGo={goToAuthorizationServer}>
        <p>
          You are Mallory: <span className="font-mono">mallory</span> / <span className="font-mono">mischief</span>{' '}
          <CopyButton text="mallory" label="Copy username" /> <CopyButton text="mischief" label="Copy password" />
        </p>
        <p>Sign in with Mallory’s account, then choose Allow; the browser comes back here with her code.</p>
      </AsHandOff>
    );
  }
  if (step === 'malloryStops' && context.malloryCallback) {
    return (
      <div className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm">
        <p className="font-medium">Mallory’s authorization response, kept unredeemed</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.malloryCallback}</p>
      </div>
    );
  }
  if (step === 'aliceVisits') {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>Now you are Alice. Open Mallory’s page and click its “Claim your prize” link.</p>
        {live && <TripButton onGo={goToAuthorizationServer}>Open Mallory’s page as Alice</TripButton>}
      </div>
    );
  }
  return null;
}
