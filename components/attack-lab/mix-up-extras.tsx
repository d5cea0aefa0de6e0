'use client';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import type { MixUpContext } from '@/machines/attacks/mix-up.machine';
import { AliceSignIn } from './alice-sign-in';

function UrlPanel({ title, url }: { title: string; url: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">{title}</p>
      <p className="mt-1 break-all font-mono text-xs text-slate-800">{url}</p>
    </div>
  );
}

/** The mix-up panels: the request for the Evil AS, where Mallory's redirect sends Alice, and the response the client checked. */
export function MixUpExtras({ step, context: base, live, goToAuthorizationServer }: FlowExtrasProps) {
  const context = base as MixUpContext;
  if (step === 'buildRequest' && context.session)
    return <UrlPanel title="The request the client built, for the Evil AS" url={context.session.built} />;
  if (step === 'redirectToAs' && context.session)
    return (
      <div className="space-y-2">
        <UrlPanel title="Where Mallory’s authorization endpoint redirects Alice’s browser (the honest AS)" url={context.session.authUrl} />
        <AliceSignIn live={live} onGo={goToAuthorizationServer}>
          <p>You chose “Sign in with Evil AS”, yet the sign-in page is the honest authorization server’s. Sign in, then choose Allow.</p>
        </AliceSignIn>
      </div>
    );
  if (step === 'callback' && context.callbackUrl)
    return <UrlPanel title="The authorization response the client received" url={context.callbackUrl} />;
  return null;
}
