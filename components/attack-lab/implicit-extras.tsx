'use client';
import { AsHandOff, FragmentMarked } from '@/components/flow-player/as-hand-off';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { ImplicitAttackContext } from '@/machines/attacks/implicit.machine';

/** The implicit attack's panels: Alice's trip to the AS, and the callback URL with its fragment marked. */
export function ImplicitAttackExtras({ step, context: base, live, goToAuthorizationServer: onGo }: FlowExtrasProps) {
  const context = base as ImplicitAttackContext;
  if (step === 'redirectToAs') {
    return (
      <AsHandOff live={live} onGo={onGo}>
        <p>
          Sign in as <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>, then choose Allow.
        </p>
      </AsHandOff>
    );
  }
  if (step === 'quizSignIn') {
    return (
      <AsHandOff live={live} onGo={onGo}>
        <p>
          Sign in as <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>, then allow the quiz “Which
          Wonderland character are you?”.
        </p>
      </AsHandOff>
    );
  }
  if (step === 'inject' && context.injected) {
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The callback URL Mallory made up, in her own browser</p>
        <FragmentMarked url={context.injected.callbackUrl} />
        <p>Highlighted: the fragment, with Alice’s access token (issued to the quiz app) and the state the legacy app gave Mallory.</p>
      </div>
    );
  }
  if (step === 'callbackReceived' && context.callbackUrl) {
    const url = context.callbackUrl;
    const hash = url.indexOf('#');
    return (
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium">The URL in Alice’s address bar and history</p>
        <FragmentMarked url={url} />
        <p>
          {hash >= 0
            ? 'Highlighted: the fragment, which every script on the page reads as location.hash.'
            : 'No fragment: no token came back in the URL.'}
        </p>
      </div>
    );
  }
  return null;
}
