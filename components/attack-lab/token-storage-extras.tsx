'use client';
import { AsHandOff } from '@/components/flow-player/as-hand-off';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';

/** Alice's trip to the AS (the token-storage attack's sign-in). */
export function TokenStorageExtras({ step, live, goToAuthorizationServer: onGo }: FlowExtrasProps) {
  if (step !== 'redirectToAs') return null;
  return (
    <AsHandOff live={live} onGo={onGo}>
      <p>
        Sign in as <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>, then choose Allow.
      </p>
    </AsHandOff>
  );
}
