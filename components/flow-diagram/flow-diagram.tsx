'use client';
import { ReactFlow, useNodesInitialized, useReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { PARTIES } from '@/components/ui/party';
import { ActorNode } from './actor-node';
import { buildGraph, type GraphInput } from './build-graph';
import { arrowId, PairEdge } from './pair-edge';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { actor: ActorNode };
const edgeTypes: EdgeTypes = { pair: PairEdge };
// Never larger than life; 8 px around the parties. The layout (actors.ts) is 896 wide: at 1400 px it is drawn at ~0.96.
const FIT = { padding: '8px', maxZoom: 1 } as const;

/** Fits the picture again when a node grows (what it knows) or the box changes size, not only on first render. */
function FitOnChange({ nodes }: { nodes: unknown }) {
  const { fitView } = useReactFlow();
  const ready = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    if (ready) void fitView(FIT);
  }, [ready, nodes, width, height, fitView]);
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
export function FlowDiagram(props: GraphInput) {
  const markers = useId().replace(/:/g, '');
  const graph = useMemo(() => buildGraph(props), [props]);
  const edges = useMemo(() => graph.edges.map((e) => ({ ...e, data: e.data && { ...e.data, markers } })), [graph.edges, markers]);
  const scroller = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(scroller);
  return (
    <figure className="rounded-lg border border-slate-200 bg-slate-50" aria-label="Diagram: who talks to whom in this step">
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
        <div className="flowlab-diagram aspect-[8/5] w-full min-w-[40rem]">
          <ReactFlow
            nodes={graph.nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            fitView
            fitViewOptions={FIT}
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
            <FitOnChange nodes={graph.nodes} />
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
