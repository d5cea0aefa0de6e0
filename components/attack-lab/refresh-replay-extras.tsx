'use client';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';
import { AliceSignIn } from './alice-sign-in';

/** The refresh-token replay's one panel: Alice's sign-in on the real AS pages, which gives her client the refresh token. */
export function RefreshReplayExtras({ step, live, goToAuthorizationServer }: FlowExtrasProps) {
  if (step !== 'redirectToAs') return null;
  return (
    <AliceSignIn live={live} onGo={goToAuthorizationServer}>
      <p>The consent page lists offline access: that is the refresh token. Sign in, then choose Allow; the browser comes back here.</p>
    </AliceSignIn>
  );
}
