'use client';
import { type ComponentType, type ReactNode, useEffect, useMemo, useState } from 'react';
import { LazyFlowDiagram } from '@/components/flow-diagram/lazy-flow-diagram';
import type { FlowInput } from '@/machines/flow-input';
import type { FlowContextBase, StepMeta } from '@/machines/step-meta';
import { ChecklistView } from './checklist-view';
import { ExchangeView } from './exchange-view';
import { StepCard, StepHeading } from './step-card';
import type { PresenterScreen } from './use-presenter-slides';
import type { FlowExtrasProps } from './flow-definition';
import { collectTokens, TokenPanel } from './token-panel';

type Ctx = FlowContextBase & { input: FlowInput; jwks?: { keys: JsonWebKey[] }; metadata?: { jwks_uri: string } };

/** The realm JWKS for the inspector: the machine's copy when it fetched one, else read once from jwks_uri. */
function useJwks(context: Ctx) {
  const [fetched, setFetched] = useState<{ keys: JsonWebKey[] }>();
  const uri = context.metadata?.jwks_uri;
  useEffect(() => {
    if (context.jwks || !uri) return;
    let live = true;
    void fetch(uri)
      .then((r) => r.json() as Promise<{ keys: JsonWebKey[] }>)
      .then((j) => live && setFetched(j))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [uri, context.jwks]);
  return context.jwks ?? fetched;
}

export interface StepViewProps {
  /** The diagram's parties. */
  actors: readonly string[];
  /** The flow's own step panels. */
  Extras?: ComponentType<FlowExtrasProps>;
  step: string;
  index: number;
  /** The run's step count, or "about N" while a fork ahead may shorten it. */
  total: number | string;
  meta: StepMeta;
  context: FlowContextBase;
  live: boolean;
  running: boolean;
  edgesSoFar: string[];
  knows: Record<string, string[]>;
  send: (event: { type: string }) => void;
  goToAuthorizationServer: () => void;
  /** Shown right under the step card (an attack's Outcome). */
  afterCard?: ReactNode;
  /** Presenter mode, and how it lays the step out: the card, diagram and outcome large; no raw HTTP, no inspector. */
  presenter?: PresenterScreen;
}

/** Everything about one step: card, diagram, step panels, checklists, raw exchanges and the tokens so far. */
export function StepView({
  actors,
  Extras,
  step,
  index,
  total,
  meta,
  context,
  live,
  running,
  edgesSoFar,
  knows,
  send,
  goToAuthorizationServer,
  afterCard,
  presenter,
}: StepViewProps) {
  const ctx = context as Ctx;
  const jwks = useJwks(ctx);
  const exchanges = context.exchanges.filter((e) => e.step === step);
  // The step's meta names its checklist; a step without one still shows checks it made.
  const checklist = meta.checklist ?? (context.checks[step] ? { title: 'Checks' } : undefined);
  const checks = checklist && context.checks[checklist.from ?? step];
  const facts = context.facts[step];
  const tokens = useMemo(() => {
    const upTo = new Set(context.trail.slice(0, index));
    return collectTokens(
      context.exchanges.filter((e) => upTo.has(e.step)),
      context.trail,
    );
  }, [context.exchanges, context.trail, index]);
  const card = (
    // Presenter mode side by side scales the card and the outcome (CSS zoom); one at a time, the screen is narrow (a small
    // one, or the browser's own zoom) and the card takes it whole. Never the diagram: React Flow measures its nodes on
    // screen, and under a zoom its edges start and end off the boxes; it grows by the room presenter mode gives it.
    <div className={presenter === 'both' ? 'space-y-4 [zoom:1.1]' : 'space-y-4'}>
      <StepCard meta={meta} index={index} total={total} />
      {afterCard}
    </div>
  );
  const diagram = (
    <LazyFlowDiagram
      // On a phone the diagram is more than a screen down (under the step list and card): drawn as it nears the screen.
      whenVisible
      large={presenter !== undefined}
      actors={actors}
      pastEdges={edgesSoFar}
      currentEdges={meta.edges}
      knows={knows}
      realm={ctx.input.realm}
    />
  );
  const details = (
    <>
      {Extras && (
        <Extras step={step} meta={meta} context={context} live={live} send={send} goToAuthorizationServer={goToAuthorizationServer} />
      )}
      {running && <p className="text-sm text-slate-700">Sending…</p>}
      {/* A step that ends the run shows why it ended (an error branch or `failed`). */}
      {meta.pause === 'end' && context.error && (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-950">
          <span className="font-mono font-semibold">{context.error.code}</span> at {context.error.where}: {context.error.message}
        </p>
      )}
      {checklist && checks && <ChecklistView title={checklist.title} checks={checks} empty={checklist.empty} />}
      {facts && (
        // On a phone each label sits above its value; from sm up the labels take a column of at most 40 %. A label may be
        // as long as a storage key (localStorage["lab-spa-token:…"]), so it may break anywhere.
        <dl className="grid grid-cols-1 gap-x-3 text-sm sm:grid-cols-[fit-content(40%)_minmax(0,1fr)]">
          {facts.map((f) => (
            <div key={f.label} className="contents">
              <dt className="font-medium wrap-anywhere">{f.label}</dt>
              <dd className="break-all font-mono">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );

  if (presenter) {
    // One step per screen (use-presenter-slides.ts): the step (card, panels, checks) beside its diagram, or, on a narrow
    // screen, the step and then the diagram under the step's heading. The raw HTTP and the inspector stay in the normal view.
    const sideBySide = presenter === 'both';
    return (
      <div className={sideBySide ? 'grid grid-cols-[minmax(0,3fr)_minmax(0,5fr)] items-start gap-4' : ''}>
        {presenter !== 'diagram' && (
          <div className="min-w-0 space-y-4">
            {card}
            {details}
            <p className="text-sm text-slate-700">
              {sideBySide ? 'Presenter mode shows the step and its diagram' : 'Next shows this step’s diagram, then the next step'}; leave
              presenter mode to read the raw HTTP and the tokens of this step.
            </p>
          </div>
        )}
        {presenter !== 'step' && (
          // Side by side, the diagram stays on screen while a long step (a table of parameters, a checklist) scrolls beside it.
          <div className={sideBySide ? 'sticky top-3 min-w-0' : 'min-w-0 space-y-2'}>
            {!sideBySide && <StepHeading title={meta.title} index={index} total={total} inline />}
            {diagram}
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="min-w-0 space-y-4">
      <div className="space-y-4">
        {card}
        {diagram}
      </div>
      {details}
      {exchanges.length > 0 && (
        <section aria-labelledby="exchanges-title" className="space-y-3">
          <h3 id="exchanges-title" className="text-lg font-semibold text-slate-900">
            HTTP in this step
          </h3>
          {exchanges.map((e) => (
            <ExchangeView key={e.id} exchange={e} />
          ))}
        </section>
      )}
      <section aria-labelledby="tokens-title" className="space-y-2">
        <h3 id="tokens-title" className="text-lg font-semibold text-slate-900">
          Live inspector: tokens so far
        </h3>
        <TokenPanel tokens={tokens} jwks={jwks} />
      </section>
    </div>
  );
}
