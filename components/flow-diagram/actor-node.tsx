'use client';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PARTY_TEXT, partyColor, partyOf } from '@/components/ui/party';
import type { ActorNodeData } from './actors';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
];

/** One party of the flow in its colour: its name, its role and what it knows so far. Width: NODE_WIDTH (176). */
function ActorNodeView({ data }: NodeProps<Node<ActorNodeData, 'actor'>>) {
  return (
    <div
      className={`w-44 rounded-lg border-2 bg-white px-2.5 py-1.5 text-left ${data.active ? 'shadow-md' : 'border-slate-300 shadow-sm'}`}
      style={data.active ? { borderColor: partyColor(data.actor) } : undefined}
    >
      {SIDES.map((s) => (
        <Handle key={`${s.id}-s`} id={`${s.id}-s`} type="source" position={s.position} className="!opacity-0" isConnectable={false} />
      ))}
      {SIDES.map((s) => (
        <Handle key={`${s.id}-t`} id={`${s.id}-t`} type="target" position={s.position} className="!opacity-0" isConnectable={false} />
      ))}
      <div
        className={`border-l-4 pl-1.5 text-[15px] font-semibold leading-tight ${PARTY_TEXT[partyOf(data.actor)]}`}
        style={{ borderColor: partyColor(data.actor) }}
      >
        {data.label}
      </div>
      <div className="break-all text-[13px] leading-snug text-slate-700">{data.role}</div>
      {data.knows.length > 0 && (
        <div className="mt-0.5 text-[13px] leading-snug text-slate-800">
          <span className="font-medium">knows:</span> {data.knows.join(', ')}
        </div>
      )}
    </div>
  );
}

export const ActorNode = memo(ActorNodeView);
