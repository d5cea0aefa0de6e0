'use client';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ActorNodeData } from './actors';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
];

/** One party of the flow: its name, its role and what it knows so far. */
function ActorNodeView({ data }: NodeProps<Node<ActorNodeData, 'actor'>>) {
  return (
    <div className={`w-48 rounded-lg border-2 bg-white px-3 py-2 text-left shadow-sm ${data.active ? 'border-indigo-600' : 'border-slate-300'}`}>
      {SIDES.map((s) => (
        <Handle key={`${s.id}-s`} id={`${s.id}-s`} type="source" position={s.position} className="!opacity-0" isConnectable={false} />
      ))}
      {SIDES.map((s) => (
        <Handle key={`${s.id}-t`} id={`${s.id}-t`} type="target" position={s.position} className="!opacity-0" isConnectable={false} />
      ))}
      <div className="text-sm font-semibold text-slate-900">{data.label}</div>
      <div className="break-all text-xs text-slate-600">{data.role}</div>
      {data.knows.length > 0 && (
        <div className="mt-1 text-xs text-slate-800">
          <span className="font-medium">knows:</span> {data.knows.join(', ')}
        </div>
      )}
    </div>
  );
}

export const ActorNode = memo(ActorNodeView);
