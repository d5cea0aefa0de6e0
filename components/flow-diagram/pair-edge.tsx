'use client';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { PARTY_TEXT, partyColor, partyOf, shortName } from '@/components/ui/party';
import type { PairEdgeData } from './build-graph';

/** Marker ids (flow-diagram.tsx draws them once per party): the arrowhead takes the edge's colour. */
export const arrowId = (actor: string | null) => `flowlab-arrow-${actor ? partyOf(actor) : 'past'}`;

type Data = PairEdgeData & { markers?: string };

const WIDTH = { current: 3, run: 2, past: 1.5 } as const;

/** All exchanges between two parties: one curve, the arrowheads of the directions used, the labels stacked in one box. */
function PairEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<Edge<Data, 'pair'>>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const colour = data.emphasis === 'past' || !data.colorOf ? 'var(--color-slate-400)' : partyColor(data.colorOf);
  const marker = `url(#${data.markers}-${arrowId(data.emphasis === 'past' ? null : data.colorOf)})`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={{ stroke: colour, strokeWidth: WIDTH[data.emphasis] }}
        markerEnd={data.forward ? marker : undefined}
        markerStart={data.backward ? marker : undefined}
      />
      {data.lines.length > 0 && (
        <EdgeLabelRenderer>
          <div
            data-testid="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className="nodrag nopan pointer-events-none absolute max-w-[11rem] rounded border border-slate-300 bg-white/95 px-1.5 py-0.5 text-[13px] leading-snug text-slate-900 shadow-sm wrap-anywhere"
          >
            {data.lines.map((l) => (
              <div key={l.id} className={l.current ? 'font-medium' : undefined}>
                <span className={`font-semibold ${PARTY_TEXT[partyOf(l.from)]}`}>{shortName(l.from)}:</span> {l.label}
              </div>
            ))}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const PairEdge = memo(PairEdgeView);
