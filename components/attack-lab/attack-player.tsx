'use client';
import { startTransition, useCallback, useEffect, useState } from 'react';
import { preloadFlowDiagram } from '@/components/flow-diagram/lazy-flow-diagram';
import { FlowErrorBoundary } from '@/components/flow-player/flow-error-boundary';
import { focusKeyOf } from '@/components/flow-player/carry-focus';
import { FlowRun } from '@/components/flow-player/flow-run';
import { awaitingReturn, clearPersisted, clearReturn, loadPersisted, peekCallback } from '@/components/flow-player/persistence';
import { obtainLabRealm } from '@/lib/attack-lab/lab-realms';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { ServerMode } from '@/machines/attacks/attack-input';
import { hardenedSpec, type AttackDefinition } from './attack-definition';
import { loadAttack } from './attack-loaders';
import { AttackerConsole } from './attacker-console';
import { OutcomeView } from './outcome-view';
import { ServerControl } from './server-control';

interface Choice {
  mode: ServerMode;
  variant?: string;
}

/** `?server=hardened&variant=NONE`: a trainer's link opens the same side and variant. */
function choiceFromUrl(def: AttackDefinition): Choice {
  const q = new URLSearchParams(window.location.search);
  const mode: ServerMode = q.get('server') === 'hardened' ? 'hardened' : 'vulnerable';
  const asked = q.get('variant');
  const variant = def.variants?.choices.find((c) => c.value === asked)?.value ?? def.variants?.choices[0]?.value;
  return { mode, variant };
}

function writeUrl(choice: Choice) {
  const url = new URL(window.location.href);
  url.searchParams.set('server', choice.mode);
  if (choice.variant) url.searchParams.set('variant', choice.variant);
  else url.searchParams.delete('variant');
  url.searchParams.delete('step');
  window.history.replaceState(window.history.state, '', url);
}

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | ({
      kind: 'ready';
      def: AttackDefinition;
      choice: Choice;
      realm: RealmDescriptor;
      key: number;
    } & StartWith);

/** What a run starts from besides its choice: a saved run to resume, or the control that restarted it. */
interface StartWith {
  snapshot?: unknown;
  /** The AS's redirect, when it came back through /flows/callback. */
  callback?: string;
  /** The control that restarted the run, focused again in the new one (carry-focus.ts). */
  focusKey?: string;
}

const isChoice = (v: unknown): v is Choice =>
  typeof v === 'object' && v !== null && ((v as Choice).mode === 'vulnerable' || (v as Choice).mode === 'hardened');

/**
 * One attack of the lab: the **Server** switch, then the attack's machine played by the flow
 * player against the lab realm of that side (made on first use, reused for the tab's session),
 * then the **Outcome**. Changing side or variant starts a new run.
 */
export function AttackPlayer({ slug }: { slug: string }) {
  const runKey = `attacks/${slug}`;
  const [state, setState] = useState<State>({ kind: 'loading' });

  const start = useCallback(async (def: AttackDefinition, choice: Choice, key: number, startWith?: StartWith) => {
    setState({ kind: 'loading' });
    const spec = choice.mode === 'vulnerable' ? (def.vulnerableFor?.(choice.variant) ?? def.vulnerable) : hardenedSpec(def);
    const got = await obtainLabRealm(spec, {
      origin: window.location.origin,
      fetch: window.fetch.bind(window),
      storage: window.sessionStorage,
    });
    if (!got.ok) return setState({ kind: 'error', message: got.message });
    // The run's first render (step list, card, panels, inspector) is the page's largest: as a transition React renders it
    // in slices and the main thread stays free for input, instead of one long task.
    startTransition(() => setState({ kind: 'ready', def, choice, realm: got.realm, key, ...startWith }));
  }, []);

  useEffect(() => {
    const loading = loadAttack(slug);
    if (!loading) return;
    // The diagram's code downloads while the attack's chunk loads and its lab realm is made.
    preloadFlowDiagram();
    let live = true;
    void loading.then(
      (def) => {
        if (!live) return;
        // Back from a trip (a browser-flow attack: to the AS, to Mallory's site): resume the saved run on its
        // own side, with the AS's redirect when there is one. Otherwise a fresh run.
        const callback = peekCallback();
        const saved = loadPersisted(runKey);
        const back = awaitingReturn(runKey);
        clearReturn();
        if ((callback || back) && saved && isChoice(saved.options)) {
          writeUrl(saved.options);
          void start(def, saved.options, 0, { snapshot: saved.snapshot, callback });
          return;
        }
        clearPersisted(runKey);
        void start(def, choiceFromUrl(def), 0);
      },
      () => live && setState({ kind: 'error', message: 'This attack could not be loaded. Reload the page.' }),
    );
    return () => {
      live = false;
    };
  }, [slug, runKey, start]);

  if (state.kind === 'loading') return <p className="text-slate-700">Preparing the lab realm…</p>;
  if (state.kind === 'error')
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-4 text-rose-900">
        <p className="font-semibold">The attack cannot start.</p>
        <p className="mt-1">{state.message}</p>
      </div>
    );

  const { def, choice, realm, key } = state;
  const restart = (next: Choice) => {
    clearPersisted(runKey);
    writeUrl(next);
    void start(def, next, key + 1, { focusKey: focusKeyOf(document.activeElement) });
  };
  const header = (
    <div className="space-y-2">
      {def.attackerConsole && <AttackerConsole realm={realm} />}
      <ServerControl
        mode={choice.mode}
        variant={choice.variant}
        variants={def.variants}
        onMode={(mode) => restart({ ...choice, mode })}
        onVariant={(variant) => restart({ ...choice, variant })}
      />
      <p className="text-sm text-slate-700">
        {choice.mode === 'vulnerable' ? 'Vulnerable' : 'Hardened'}: lab realm <code className="break-all">{realm.id}</code>
        {realm.weaknesses.length ? (
          <>
            {' '}
            with{' '}
            {realm.weaknesses.map((w, i) => (
              <span key={w}>
                {i > 0 && ', '}
                <code>{w}</code>
              </span>
            ))}
          </>
        ) : (
          ', no weaknesses'
        )}
        .
      </p>
    </div>
  );
  return (
    <FlowErrorBoundary key={key} onReset={() => restart(choice)}>
      <FlowRun
        key={key}
        runKey={runKey}
        machine={def.machine}
        input={{ origin: window.location.origin, realm, mode: choice.mode, variant: choice.variant }}
        options={choice}
        actors={def.actors}
        Extras={def.Extras}
        header={header}
        footer={OutcomeView}
        snapshot={state.snapshot}
        callback={state.callback}
        onReset={() => restart(choice)}
        focusKey={state.focusKey}
      />
    </FlowErrorBoundary>
  );
}
