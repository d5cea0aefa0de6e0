'use client';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { DiagramProps } from './flow-diagram';
import { diagramFrame } from './diagram-box';

// React Flow is the largest script of a flow page (~60 KB gzip, and its own stylesheet): it is its own chunk, fetched
// once the page has painted instead of holding up the first paint and hydration of every page that shows a diagram.
const loadDiagram = () => import('./flow-diagram');
const FlowDiagram = lazy(async () => ({ default: (await loadDiagram()).FlowDiagram }));

// From lg up the player puts the step list beside the step, so the diagram is on the first screen (flow-run.tsx's grid).
const DIAGRAM_ON_FIRST_SCREEN = '(min-width: 64rem)';

/**
 * Starts fetching the diagram's code without drawing it (the player calls it while it loads the flow itself), when
 * the diagram will be on the first screen. On a phone it sits under the step list and the card, more than a screen
 * down: its code then waits until the learner scrolls near it (LazyFlowDiagram's `whenVisible`).
 */
export function preloadFlowDiagram(): void {
  if (typeof window.matchMedia !== 'function' || window.matchMedia(DIAGRAM_ON_FIRST_SCREEN).matches) void loadDiagram();
}

const FIGURE_LABEL = 'Diagram: who talks to whom in this step';

/** The diagram's box, same size and name, while its code loads: nothing moves when the picture arrives. */
export function DiagramPlaceholder({ large = false }: { large?: boolean }) {
  const frame = diagramFrame(large);
  return (
    <figure className={frame.figure} aria-label={FIGURE_LABEL} aria-busy="true">
      {/* The box keeps the picture's size (nothing moves when it arrives); the text is centred in the part on screen. */}
      <div className="relative overflow-hidden rounded-lg">
        <div className={frame.box} />
        <p className="absolute inset-0 flex items-center justify-center text-sm text-slate-700">Drawing the diagram…</p>
      </div>
    </figure>
  );
}

/**
 * Whether `ref`'s element is on screen or within a quarter screen of it (the diagram is drawn just before it is scrolled
 * to). A whole screen ahead drew it during a phone's first load (it sits ~1.6 screens down on a flow page at 412×823):
 * React Flow's mount and measuring passes were the longest tasks of the load (Lighthouse TBT 381-437 → 185-308 ms).
 */
function useNearViewport(ref: RefObject<HTMLElement | null>, enabled: boolean): boolean {
  // Without IntersectionObserver (old browsers, jsdom) the diagram is simply drawn.
  const [near, setNear] = useState(() => !enabled || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '25% 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

const subscribeNothing = () => () => {};
const isClient = () => true;
const isServer = () => false;

/**
 * The flow diagram, its code loaded on demand: the placeholder first (also in the server's HTML), then the picture.
 * `whenVisible`: wait until the box nears the viewport (a diagram further down a long page, as on /learn).
 */
export function LazyFlowDiagram({ whenVisible = false, ...props }: DiagramProps & { whenVisible?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  // The server and the hydration render draw the placeholder, so the diagram's code is never needed to hydrate a page.
  const mounted = useSyncExternalStore(subscribeNothing, isClient, isServer);
  const near = useNearViewport(box, whenVisible);
  return (
    <div ref={box}>
      {mounted && near ? (
        <Suspense fallback={<DiagramPlaceholder large={props.large} />}>
          <FlowDiagram {...props} />
        </Suspense>
      ) : (
        <DiagramPlaceholder large={props.large} />
      )}
    </div>
  );
}
