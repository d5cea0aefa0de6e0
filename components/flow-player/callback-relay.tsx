'use client';
import { IntentLink } from '@/components/ui/intent-link';
import { useEffect, useState } from 'react';
import { returnPath, stashCallback } from './persistence';

/** Keeps the redirect URL for the player, then returns to the flow that started the trip. Processes nothing itself. */
export function CallbackRelay() {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    // Only our own flows and attacks are valid destinations (returnPath): never a URL read from storage.
    const back = returnPath(stashCallback(window.location.href));
    if (back) window.location.replace(back);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setLost(true);
  }, []);
  return (
    <p className="mt-3 text-slate-700">
      {lost ? (
        <>
          No flow was waiting for this redirect. Start one from the{' '}
          <IntentLink href="/flows" className="text-indigo-800 underline">
            Flows page
          </IntentLink>
          .
        </>
      ) : (
        'Returning to the flow…'
      )}
    </p>
  );
}
