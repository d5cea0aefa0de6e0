'use client';
import { startTransition, useEffect, useState } from 'react';
import { DEMO_REALM, type RealmDescriptor } from '@/lib/realms/descriptor';
import { FLOW_ACTORS } from '@/components/flow-diagram/actors';
import { preloadFlowDiagram } from '@/components/flow-diagram/lazy-flow-diagram';
import { flowInput, type FlowDefinition, type FlowOptions } from './flow-definition';
import { findFlow } from './flow-registry';
import { loadFlow } from './flow-loaders';
import { FlowErrorBoundary } from './flow-error-boundary';
import { FlowRun } from './flow-run';
import { OptionsForm } from './options-form';
import { focusKeyOf } from './carry-focus';
import { clearPersisted, loadPersisted, peekCallback } from './persistence';

/** The realm id a saved snapshot's machine was started with (`demo` when it says none). */
function savedRealmId(snapshot: unknown): string {
  const id = (snapshot as { context?: { input?: { realm?: { id?: unknown } } } } | undefined)?.context?.input?.realm?.id;
  return typeof id === 'string' ? id : DEMO_REALM;
}

interface Session {
  def: FlowDefinition;
  key: number;
  options: FlowOptions;
  snapshot?: unknown;
  callback?: string;
  /** The control that restarted the run, focused again in the new one (carry-focus.ts). */
  focusKey?: string;
}

/**
 * Plays one grant. Loads the flow's own chunk, restores a persisted run (e.g. back from the AS on
 * /flows/callback), then starts. `realm` is the realm a new run plays against (default `demo`; an
 * attack page passes its lab realm); a restored run keeps the realm it started with.
 */
export function FlowPlayer({ slug, realm }: { slug: string; realm?: RealmDescriptor }) {
  const [session, setSession] = useState<Session | null>(null);
  const [missing, setMissing] = useState(false);
  const flow = findFlow(slug);
  useEffect(() => {
    if (!flow) return;
    let live = true;
    // The diagram's code downloads alongside the flow's own chunk; the step card does not wait for it.
    preloadFlowDiagram();
    void loadFlow(flow.slug)!.then(
      (def) => {
        if (!live) return;
        // sessionStorage exists only in the browser, so the run starts after hydration.
        const callback = peekCallback();
        let persisted = loadPersisted(slug);
        // A saved run of another realm is not this page's run (`?realm=` names the realm; none = demo),
        // unless the AS just sent the browser back to it (the return trip drops the query string).
        if (persisted && !callback && savedRealmId(persisted.snapshot) !== (realm?.id ?? DEMO_REALM)) {
          clearPersisted(slug);
          persisted = undefined;
        }
        // The run's first render is the page's largest: as a transition React renders it in slices, not one long task.
        startTransition(() =>
          setSession({
            def,
            key: 0,
            options: (persisted?.options as FlowOptions | undefined) ?? def.defaults,
            snapshot: persisted?.snapshot,
            callback,
          }),
        );
      },
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [flow, slug, realm?.id]);
  // An unknown grant (the page 404s before this), or a chunk that would not load.
  if (!flow || missing)
    return (
      <p role="alert" className="text-rose-900">
        This flow could not be loaded. Reload the page, or pick a flow from the Flows page.
      </p>
    );
  if (!session) return <p className="text-slate-700">Starting the flow…</p>;
  const { def } = session;
  const restart = (options: FlowOptions) => {
    clearPersisted(slug);
    setSession({ def, key: session.key + 1, options, focusKey: focusKeyOf(document.activeElement) });
  };
  return (
    <FlowErrorBoundary key={session.key} onReset={() => restart(def.defaults)}>
      <FlowRun
        key={session.key}
        runKey={slug}
        title={flow.title}
        machine={def.machine}
        input={flowInput(def, session.options, window.location.origin, realm)}
        options={session.options}
        actors={FLOW_ACTORS[slug] ?? FLOW_ACTORS['authorization-code']}
        Extras={def.Extras}
        header={<OptionsForm def={def} options={session.options} onApply={restart} />}
        snapshot={session.snapshot}
        callback={session.callback}
        onReset={() => restart(session.options)}
        focusKey={session.focusKey}
      />
    </FlowErrorBoundary>
  );
}
