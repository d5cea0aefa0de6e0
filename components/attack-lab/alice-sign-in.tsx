'use client';
import { AsHandOff } from '@/components/flow-player/as-hand-off';
import { CopyButton } from '@/components/flow-player/copy-button';

/** The hand-off of the browser attacks where the learner plays Alice on the real AS pages: her credentials, then the trip. */
export function AliceSignIn({ live, onGo, children }: { live: boolean; onGo: () => void; children?: React.ReactNode }) {
  return (
    <AsHandOff live={live} onGo={onGo}>
      <p>
        You are Alice: <span className="font-mono">alice</span> / <span className="font-mono">wonderland</span>{' '}
        <CopyButton text="alice" label="Copy username" /> <CopyButton text="wonderland" label="Copy password" />
      </p>
      {children ?? <p>The sign-in and consent pages belong to the authorization server. Sign in, then choose Allow.</p>}
    </AsHandOff>
  );
}
