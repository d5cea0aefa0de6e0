'use client';
import { useActorRef } from '@xstate/react';
import { type ComponentType, type ReactNode, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnyActorRef, AnyMachineSnapshot, AnyStateMachine, Snapshot } from 'xstate';
import { knowsAt } from '@/components/flow-diagram/knows';
import { currentStepMeta, stepsOf } from '@/machines/read-meta';
import { BUSY, type FlowContextBase, type StepMeta } from '@/machines/step-meta';
import { ExportToggle, LazyRunExportPanel } from '@/components/run-export/export-disclosure';
import { Controls } from './controls';
import { liveStateKey, plannedSteps } from './planned-steps';
import { useAutoPlay } from './use-auto-play';
import { pickFocusTarget, useStepFocus } from './use-step-focus';
import { useCarriedFocus } from './carry-focus';
import type { FlowExtrasProps } from './flow-definition';
import { dropCallback, savePersisted, rememberReturn } from './persistence';
import { StepView } from './step-view';
import { Timeline } from './timeline';
import { usePresenterSlides } from './use-presenter-slides';
import { usePresenterUrl, useStepUrl } from './use-step-url';

const isBusy = (s: AnyMachineSnapshot) => s.hasTag(BUSY);

/**
 * The actor's snapshot, each new one rendered as a transition. `useSelector` subscribes through useSyncExternalStore,
 * whose updates React renders synchronously in one task: a step's card, exchanges, tokens and diagram at once (a
 * profile of an attack page's first steps at 4× CPU slowdown: one 291 ms task). A transition is rendered in slices
 * that yield to the browser, and a newer snapshot simply replaces one not yet on screen.
 */
function useSnapshotAsTransition(actorRef: AnyActorRef): AnyMachineSnapshot {
  const [snap, setSnap] = useState<AnyMachineSnapshot>(() => actorRef.getSnapshot());
  useEffect(() => {
    const show = (s: AnyMachineSnapshot) => startTransition(() => setSnap(s));
    // The actor was started (useActorRef) after this component rendered: what it did on starting is not on screen yet.
    show(actorRef.getSnapshot());
    const sub = actorRef.subscribe(show);
    return () => sub.unsubscribe();
  }, [actorRef]);
  return snap;
}

/** What a page may show after the step (an attack's Outcome): the run's context, and whether the run has ended on screen. */
export interface RunFooterProps {
  context: FlowContextBase;
  /** The meta of the step on screen. */
  meta?: StepMeta;
  /** The live step is a final one (`pause: 'end'`), and the learner is looking at it. */
  ended: boolean;
}

export interface FlowRunProps {
  /**
   * Where the run lives: `authorization-code` for /flows/authorization-code, `attacks/alg-none` for an
   * attack page. Names its saved snapshot and the page the AS's redirect returns to.
   */
  runKey: string;
  /** The flow's or attack's title, for the exports (the page's title when absent). */
  title?: string;
  machine: AnyStateMachine;
  /** The machine's input (a FlowInput, or an attack's input). */
  input: unknown;
  /** Saved with the snapshot, handed back when the run is restored (the learner's options). */
  options: unknown;
  /** The diagram's parties, by actor id (components/flow-diagram/actors.ts). */
  actors: readonly string[];
  Extras?: ComponentType<FlowExtrasProps>;
  /** Above the controls: the flow's options form, an attack's Server switch. */
  header?: ReactNode;
  /** Under the step card: an attack's Outcome once the run has ended. */
  footer?: ComponentType<RunFooterProps>;
  snapshot?: unknown;
  callback?: string;
  onReset: () => void;
  /** The control to focus when this run mounts: the one pressed to restart the run it replaces (carry-focus.ts). */
  focusKey?: string;
}

/** One run of a flow or an attack: the machine actor, the step on screen, and the controls. */
export function FlowRun({
  runKey: slug,
  title,
  machine,
  input,
  options,
  actors,
  Extras,
  header,
  footer: Footer,
  snapshot: restored,
  callback,
  onReset,
  focusKey,
}: FlowRunProps) {
  const actorRef = useActorRef(machine, {
    input,
    ...(restored ? { snapshot: restored as Snapshot<unknown> } : {}),
  });
  const snap = useSnapshotAsTransition(actorRef);
  const context = snap.context as FlowContextBase;
  const trail = context.trail;
  const [view, setView] = useStepUrl();
  const [presenting, setPresenting] = usePresenterUrl(slug);
  const viewing = Math.min(view ?? trail.length, trail.length);
  const step = trail[viewing - 1];
  const live = viewing === trail.length;
  const running = isBusy(snap);
  const canAdvance = snap.can({ type: 'user.next' });
  // The machine's meta is the single source: the live step's from the snapshot, an earlier one's from its state.
  const steps: Readonly<Record<string, StepMeta>> = stepsOf(machine);
  const meta = (live && currentStepMeta(snap)) || steps[step];
  // Every step from the start: the trail, then the steps ahead from the live state (planned-steps.ts).
  const liveKey = liveStateKey(snap);
  const plan = useMemo(() => plannedSteps(machine, trail, liveKey, input), [machine, trail, liveKey, input]);
  const total = plan.approximate ? `about ${plan.steps.length}` : plan.steps.length;
  const root = useRef<HTMLDivElement>(null);
  const focusNewStep = useStepFocus(root, trail.length, live && !running);
  useCarriedFocus(root, focusKey);

  // Back from the AS: hand the redirect URL to the machine once (RFC 6749 §4.1.2).
  const fed = useRef(false);
  useEffect(() => {
    if (callback && !fed.current) {
      fed.current = true;
      focusNewStep();
      actorRef.send({ type: 'callback.received', url: callback });
      dropCallback();
      savePersisted(slug, { options, snapshot: actorRef.getPersistedSnapshot() });
    }
  }, [callback, actorRef, slug, options, focusNewStep]);

  // Persist every settled snapshot, so a reload or the trip to the AS resumes where it was.
  // Leaving the page aborts requests in flight: that "network error" is not the run's result, so stop saving then.
  useEffect(() => {
    let leaving = false;
    const leave = () => {
      leaving = true;
    };
    // Back/forward cache: the same page comes back alive, so saving resumes.
    const back = () => {
      leaving = false;
    };
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', back);
    const sub = actorRef.subscribe((s) => {
      if (!leaving && !isBusy(s)) savePersisted(slug, { options, snapshot: actorRef.getPersistedSnapshot() });
    });
    return () => {
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', back);
      sub.unsubscribe();
    };
  }, [actorRef, slug, options]);

  const next = useCallback(() => {
    if (!live) return setView(viewing + 1 >= trail.length ? null : viewing + 1);
    if (!canAdvance) return;
    performance.mark('flowlab:next');
    setView(null);
    focusNewStep();
    actorRef.send({ type: 'user.next' });
  }, [live, canAdvance, viewing, trail.length, setView, actorRef, focusNewStep]);
  const back = useCallback(() => {
    if (viewing > 1) setView(viewing - 1);
  }, [viewing, setView]);

  // Performance marks for the benchmark: Next click → the new step's card, and → its settled content.
  useEffect(() => {
    if (performance.getEntriesByName('flowlab:next').length === 0) return;
    performance.mark(running ? 'flowlab:step-shown' : 'flowlab:step-settled');
  }, [trail.length, running]);

  // A trainer's link (?step=N) beyond where the run is: advance until there, as long as no learner action is needed.
  useEffect(() => {
    if ((view ?? 0) <= trail.length || running || !canAdvance || meta?.pause) return;
    const t = setTimeout(() => actorRef.send({ type: 'user.next' }), 0);
    return () => clearTimeout(t);
  }, [view, trail.length, running, canAdvance, meta, actorRef]);

  // A link's step the run cannot reach by itself: say where it holds and why, instead of a silently different step.
  const linkHeld =
    view !== null && view > trail.length && !running && (!canAdvance || meta?.pause)
      ? meta?.pause === 'end'
        ? `The link asks for step ${view}; this run ended at step ${trail.length}.`
        : `The link asks for step ${view}; the run holds at step ${trail.length} until you act on it.`
      : '';

  // Presenter mode on a narrow screen shows a step's card and its diagram one after the other (use-presenter-slides.ts).
  const slides = usePresenterSlides(
    { presenting, viewing, canNext: !live || (canAdvance && !running), canBack: viewing > 1, next, back },
    root,
  );

  // Auto-play presses Next after the chosen delay, and holds on every step that needs the learner (use-auto-play.ts).
  const [autoPlay, setAutoPlay, autoPlayStatus] = useAutoPlay(
    { live, running, canAdvance, meta, nextShows: slides.nextShows },
    slides.next,
  );

  const navigateToAs = () => {
    const url = (context as FlowContextBase & { authUrl?: string }).authUrl;
    if (!url) return;
    rememberReturn(slug, presenting);
    actorRef.send({ type: 'browser.navigated' });
    savePersisted(slug, { options, snapshot: actorRef.getPersistedSnapshot() });
    window.location.assign(url);
  };

  // Entering presenter mode with its button leaves focus on that button, where space would press it again and leave:
  // focus moves to what space should press (the step's action, or Next), as when a step appears. Both stay mounted in
  // presenter mode, so they can take focus before the switch.
  const togglePresenting = () => {
    if (!presenting && root.current) pickFocusTarget(root.current, null)?.focus();
    setPresenting(!presenting);
  };

  const ended = live && !running && meta?.pause === 'end';
  const [exportOpen, setExportOpen] = useState(false);
  const exportRun = useMemo(
    () => ({ runKey: slug, title, exchanges: context.exchanges, trail, steps, actors }),
    [slug, title, context.exchanges, trail, steps, actors],
  );

  const edgesSoFar = useMemo(() => trail.slice(0, viewing - 1).flatMap((s) => steps[s]?.edges ?? []), [trail, viewing, steps]);
  const knows = useMemo(
    () => knowsAt({ trail, viewing, steps, sentIn: new Set(context.exchanges.map((e) => e.step)) }),
    [trail, viewing, steps, context.exchanges],
  );

  return (
    <div ref={root} className="space-y-4">
      {!presenting && header}
      <Controls
        canBack={slides.canBack}
        canNext={slides.canNext}
        autoPlay={autoPlay}
        onAutoPlay={setAutoPlay}
        onBack={slides.back}
        onNext={slides.next}
        onReset={() => {
          setView(null);
          onReset();
        }}
        presenting={presenting}
        onPresent={togglePresenting}
        status={
          running
            ? 'Waiting for the server…'
            : live
              ? [meta?.pause === 'end' ? 'The flow has ended.' : '', linkHeld].filter(Boolean).join(' ')
              : `Reviewing step ${viewing}; nothing is sent again.`
        }
        autoPlayStatus={autoPlayStatus}
      />
      {/* The step comes first, then the list of steps: below lg the list sits under the step, so on a short or narrow
          window the step just played shows right under Next (at 1280×720 and 150 % zoom the list of 11 steps pushed it
          out of view). From lg the list is the left column again. */}
      <div className={presenting ? 'text-lg' : 'grid gap-4 lg:grid-cols-[14rem_1fr]'}>
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          {meta ? (
            <StepView
              actors={actors}
              Extras={Extras}
              step={step}
              index={viewing}
              total={total}
              meta={meta}
              context={context}
              live={live}
              running={running && live}
              edgesSoFar={edgesSoFar}
              knows={knows}
              send={(e) => actorRef.send(e)}
              goToAuthorizationServer={navigateToAs}
              afterCard={Footer && <Footer context={context} meta={meta} ended={live && meta?.pause === 'end'} />}
              presenter={slides.screen}
            />
          ) : (
            <p>Loading…</p>
          )}
        </div>
        {!presenting && (
          <div className="lg:col-start-1 lg:row-start-1">
            <Timeline
              plan={plan.steps}
              reached={trail.length}
              approximate={plan.approximate}
              steps={steps}
              viewing={viewing}
              onPick={(n) => setView(n === trail.length ? null : n)}
            >
              {context.exchanges.length > 0 && !ended && (
                <ExportToggle open={exportOpen} controls="run-export" onToggle={() => setExportOpen((o) => !o)} />
              )}
            </Timeline>
          </div>
        )}
      </div>
      {/* The export sits at the end of a run, and opens from the step list before that. */}
      {(ended || exportOpen) && !presenting && (
        <div id="run-export">
          <Suspense fallback={<p className="text-sm text-slate-700">Loading the export…</p>}>
            <LazyRunExportPanel run={exportRun} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
