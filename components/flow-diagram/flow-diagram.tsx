'use client';
import { ReactFlow, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { ActorNode } from './actor-node';
import { buildGraph, type GraphInput } from './build-graph';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { actor: ActorNode };

/** Who talks to whom: actor nodes, one edge per exchange, the current one animated and labelled. */
export function FlowDiagram(props: GraphInput) {
  const { nodes, edges } = useMemo(() => buildGraph(props), [props]);
  return (
    <figure className="h-80 w-full rounded-lg border border-slate-200 bg-slate-50" aria-label="Diagram: who talks to whom in this step">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        panOnDrag={false}
        preventScrolling={false}
      />
    </figure>
  );
}
