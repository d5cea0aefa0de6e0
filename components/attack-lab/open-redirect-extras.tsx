'use client';
import { TripButton } from '@/components/flow-player/as-hand-off';
import { CopyButton } from '@/components/flow-player/copy-button';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { OpenRedirectContext } from '@/machines/attacks/open-redirect.machine';

/** Mallory's implicit link (the redirector in its redirect_uri), and the hand-off to the real AS pages where the learner plays Alice. */
export function OpenRedirectExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as OpenRedirectContext;
  if (step === 'craft' && context.link) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The redirect_uri in Mallory’s link</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.link.redirectUri}</p>
        <p className="mt-2 font-medium">Her whole link</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.link.url}</p>
      </div>
    );
  }
  if (step === 'aliceOpensLink' && context.link) {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>
          You are Alice: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>{' '}
          <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
        </p>
        <p>Sign in, press Allow, and watch the address bar: the fragment travels with the browser across the client’s redirect.</p>
        {live && <TripButton onGo={goToAuthorizationServer}>Open Mallory’s link as Alice</TripButton>}
      </div>
    );
  }
  return null;
}
