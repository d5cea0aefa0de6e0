'use client';
import { useEffect, useState } from 'react';
import { FLOWS, type FlowOptions } from './flows';
import { FlowErrorBoundary } from './flow-error-boundary';
import { FlowRun } from './flow-run';
import { clearPersisted, loadPersisted, peekCallback } from './persistence';

interface Session {
  key: number;
  options: FlowOptions;
  snapshot?: unknown;
  callback?: string;
}

/** Plays one grant. Restores a persisted run (e.g. back from the AS on /flows/callback) before starting. */
export function FlowPlayer({ slug }: { slug: string }) {
  const def = FLOWS[slug];
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    const persisted = loadPersisted(slug);
    const callback = peekCallback();
    // sessionStorage exists only in the browser, so the run starts after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession({ key: 0, options: persisted?.options ?? def.defaults, snapshot: persisted?.snapshot, callback });
  }, [slug, def]);
  if (!session) return <p className="text-slate-700">Starting the flow…</p>;
  const restart = (options: FlowOptions) => {
    clearPersisted(slug);
    setSession({ key: session.key + 1, options });
  };
  return (
    <FlowErrorBoundary key={session.key} onReset={() => restart(def.defaults)}>
      <FlowRun key={session.key} def={def} options={session.options} snapshot={session.snapshot} callback={session.callback} onRestart={restart} />
    </FlowErrorBoundary>
  );
}
