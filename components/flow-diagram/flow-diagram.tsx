'use client';
import { ReactFlow, useReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { PARTIES } from '@/components/ui/party';
import { ActorNode } from './actor-node';
import { buildGraph, type GraphInput } from './build-graph';
import { diagramFrame } from './diagram-box';
import { arrowId, PairEdge } from './pair-edge';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { actor: ActorNode };
const edgeTypes: EdgeTypes = { pair: PairEdge };
// Never larger than life; 8 px around the parties. The layout (actors.ts) is 896 wide: at 1400 px it is drawn at ~0.96.
const FIT = { padding: '8px', maxZoom: 1 } as const;
// Presenter mode: as large as its box, 4 px around the parties (a projector's 1920 px screen draws it at ~1.3).
const FIT_LARGE = { padding: '4px', maxZoom: 1.6 } as const;

export interface DiagramProps extends GraphInput {
  /** Presenter mode: the box as large as the screen allows (diagram-box.ts), the picture scaled up to fill it. */
  large?: boolean;
}

/** Fits the picture again when a node grows (what it knows) or the box changes size, not only on first render. */
function FitOnChange({ fit }: { fit: typeof FIT | typeof FIT_LARGE }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // The nodes' measured sizes ('' until each is measured), not the nodes: a node that learns something is measured after
  // the render that grew it, and a fit on the new nodes used the old size (presenter mode at 1920×1080 cut the bottom of
  // Mallory's box off). Not useNodesInitialized: it waits for handle bounds, and these nodes have no handles.
  const sizes = useStore((s) => {
    const all = [...s.nodeLookup.values()];
    return all.every((n) => n.measured.width && n.measured.height)
      ? all.map((n) => `${n.measured.width}×${n.measured.height}`).join(' ')
      : '';
  });
  useEffect(() => {
    if (sizes) void fitView(fit);
  }, [sizes, width, height, fitView, fit]);
  return null;
}

/** Whether a box scrolls sideways: then, and only then, it is a tab stop (keyboard users can scroll it; axe scrollable-region-focusable). */
function useOverflowing(ref: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return overflowing;
}

/**
 * Who talks to whom: the parties in their colours, one edge per pair of parties carrying this step's
 * exchanges (animated, labelled); on a step that sends nothing (the end), every exchange of the run.
 * Nothing in it is a tab stop unless the box has to scroll (phones): it is a picture, not a control.
 */
export function FlowDiagram({ large = false, ...input }: DiagramProps) {
  const markers = useId().replace(/:/g, '');
  // `input` is a new object on every render: the graph is rebuilt when one of its parts changes, not on each render.
  const { actors, pastEdges, currentEdges, knows, realm } = input;
  const graph = useMemo(
    () => buildGraph({ actors, pastEdges, currentEdges, knows, realm }),
    [actors, pastEdges, currentEdges, knows, realm],
  );
  const frame = diagramFrame(large);
  const fit = large ? FIT_LARGE : FIT;
  const edges = useMemo(() => graph.edges.map((e) => ({ ...e, data: e.data && { ...e.data, markers } })), [graph.edges, markers]);
  const scroller = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(scroller);
  return (
    <figure className={frame.figure} aria-label="Diagram: who talks to whom in this step">
      <svg aria-hidden="true" width="0" height="0" className="absolute">
        <defs>
          {[...PARTIES, null].map((p) => (
            <marker
              key={p ?? 'past'}
              id={`${markers}-${arrowId(p)}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="12"
              markerHeight="12"
              orient="auto-start-reverse"
            >
              <path d="M0 0 10 5 0 10z" style={{ fill: p ? `var(--party-${p})` : 'var(--color-slate-400)' }} />
            </marker>
          ))}
        </defs>
      </svg>
      {/* Below ~640 px the picture keeps a legible size and scrolls inside its own box, never the page. */}
      <div
        ref={scroller}
        className="overflow-x-auto rounded-lg"
        tabIndex={overflowing ? 0 : undefined}
        role={overflowing ? 'group' : undefined}
        aria-label={overflowing ? 'Diagram, scrolls sideways' : undefined}
      >
        <div className={`flowlab-diagram ${frame.box}`}>
          <ReactFlow
            nodes={graph.nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            fitView
            fitViewOptions={fit}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            disableKeyboardA11y
            zoomOnScroll={false}
            zoomOnPinch={false}
            zoomOnDoubleClick={false}
            panOnDrag={false}
            preventScrolling={false}
          >
            <FitOnChange fit={fit} />
          </ReactFlow>
        </div>
      </div>
      {/* On a phone the box's edge cuts a party off with nothing to say there is more: say it. */}
      {overflowing && (
        <figcaption className="border-t border-slate-200 px-3 py-1 text-xs text-slate-700">
          Wider than the screen: scroll the diagram sideways to see every party.
        </figcaption>
      )}
    </figure>
  );
}
