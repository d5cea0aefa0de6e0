'use client';
import { useEffect, useState } from 'react';
import { stashCallback } from './persistence';

/** Keeps the redirect URL for the player, then returns to the flow that started the trip. Processes nothing itself. */
export function CallbackRelay() {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const slug = stashCallback(window.location.href);
    // Only our own flows are valid destinations: never redirect to something read from storage verbatim.
    if (slug && /^[a-z-]+$/.test(slug)) window.location.replace(`/flows/${slug}`);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setLost(true);
  }, []);
  return <p className="mt-3 text-slate-700">{lost ? 'No flow was waiting for this redirect. Start one from the Flows page.' : 'Returning to the flow…'}</p>;
}
