'use client';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { ImplicitAttackContext } from '@/machines/attacks/implicit.machine';

/** The implicit attack's panels: Alice's trip to the AS, and the callback URL with its fragment marked. */
export function ImplicitAttackExtras({ step, context: base, live, goToAuthorizationServer: onGo }: FlowExtrasProps) {
  const context = base as ImplicitAttackContext;
  if (step === 'redirectToAs') {
    return (
      <div className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm">
        <p>
          Sign in as <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>, then choose Allow.
        </p>
        {live && (
          <button type="button" onClick={onGo} className="rounded bg-indigo-700 px-3 py-2 font-semibold text-white hover:bg-indigo-800">
            Go to the authorization server
          </button>
        )}
      </div>
    );
  }
  if (step === 'callbackReceived' && context.callbackUrl) {
    const url = context.callbackUrl;
    const hash = url.indexOf('#');
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The URL in Alice’s address bar and history</p>
        <p className="break-all font-mono text-xs">
          {hash < 0 ? url : url.slice(0, hash)}
          {hash >= 0 && <mark className="bg-amber-200">{url.slice(hash)}</mark>}
        </p>
        <p>{hash >= 0 ? 'Highlighted: the fragment, which every script on the page reads as location.hash.' : 'No fragment: no token came back in the URL.'}</p>
      </div>
    );
  }
  return null;
}
