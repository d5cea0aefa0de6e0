'use client';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { CodeInterceptionContext } from '@/machines/attacks/code-interception.machine';
import { AliceSignIn } from './alice-sign-in';

/** The code-interception panels: the URL Alice's browser opens, her sign-in, and the redirect Mallory's app got. */
export function CodeInterceptionExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as CodeInterceptionContext;
  if ((step === 'buildUrl' || step === 'stripChallenge') && context.request) {
    const url = step === 'buildUrl' ? context.request.built : context.request.authUrl;
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">
          {step === 'buildUrl' ? 'The authorization URL the client built' : 'The URL Alice’s browser will open'}
        </p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{url}</p>
      </div>
    );
  }
  if (step === 'redirectToAs') return <AliceSignIn live={live} onGo={goToAuthorizationServer} />;
  if (step === 'intercepted' && context.callbackUrl) {
    return (
      <div className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm">
        <p className="font-medium">The redirect, as Mallory’s app received it</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">{context.callbackUrl}</p>
      </div>
    );
  }
  return null;
}
