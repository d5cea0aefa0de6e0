import type { Edge, Node } from '@xyflow/react';
import type { RealmDescriptor } from '@/lib/realms/descriptor';
import { ACTORS, realmRoles, type ActorNodeData } from './actors';
import { EDGE_CATALOG, facingHandles } from './edges';

export interface GraphInput {
  /** The parties shown, by actor id (FLOW_ACTORS for a flow, an attack's own list). */
  actors: readonly string[];
  /** Edge ids lit by the steps so far, oldest first. */
  pastEdges: string[];
  currentEdges: string[];
  knows: Record<string, string[]>;
  /** The realm the flow plays against: its AS and RS nodes name it. */
  realm: RealmDescriptor;
}

/** Pure: turns the steps' meta into React Flow nodes and edges (tested without a DOM). */
export function buildGraph({ actors: ids, pastEdges, currentEdges, knows, realm }: GraphInput): { nodes: Node<ActorNodeData>[]; edges: Edge[] } {
  const active = new Set(currentEdges.flatMap((id) => [EDGE_CATALOG[id]?.source, EDGE_CATALOG[id]?.target]));
  const roles = realmRoles(realm);
  const nodes: Node<ActorNodeData>[] = ids.map((id) => {
    const a = ACTORS[id];
    return { id, type: 'actor', position: { x: a.x, y: a.y }, data: { label: a.label, role: roles[id] ?? a.role, knows: knows[id] ?? [], active: active.has(id) }, draggable: false };
  });
  const current = new Set(currentEdges);
  const seen = new Set<string>();
  const edges: Edge[] = [];
  for (const id of [...pastEdges, ...currentEdges]) {
    const def = EDGE_CATALOG[id];
    if (!def || seen.has(id) || !ids.includes(def.source) || !ids.includes(def.target)) continue;
    seen.add(id);
    const isCurrent = current.has(id);
    edges.push({
      id,
      source: def.source,
      target: def.target,
      ...facingHandles(ACTORS[def.source], ACTORS[def.target]),
      animated: isCurrent,
      label: isCurrent ? def.label : undefined,
      style: { stroke: isCurrent ? '#4f46e5' : '#94a3b8', strokeWidth: isCurrent ? 2.5 : 1.5 },
      labelStyle: { fill: '#1e1b4b', fontWeight: 600 },
    });
  }
  return { nodes, edges };
}
