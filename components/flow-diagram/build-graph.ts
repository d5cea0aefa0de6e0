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

/** One exchange written on an edge: who sent it and what. */
export interface ExchangeLine {
  id: string;
  from: string;
  label: string;
  current: boolean;
}

/**
 * All exchanges between two parties share one edge, so their labels stack in one box instead of
 * covering each other. `emphasis`: `current` (this step's, animated), `run` (the whole run, on a step
 * that sends nothing: the end), `past` (earlier, grey and unlabelled).
 */
export interface PairEdgeData extends Record<string, unknown> {
  lines: ExchangeLine[];
  emphasis: 'current' | 'run' | 'past';
  /** The actor whose colour the edge takes: the sender of its latest exchange shown. */
  colorOf: string | null;
  /** Arrowheads: some exchange goes source → target (end), or target → source (start). */
  forward: boolean;
  backward: boolean;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pure: turns the steps' meta into React Flow nodes and edges (tested without a DOM). */
export function buildGraph({ actors: ids, pastEdges, currentEdges, knows, realm }: GraphInput): {
  nodes: Node<ActorNodeData>[];
  edges: Edge<PairEdgeData>[];
} {
  const shown = (id: string) => {
    const def = EDGE_CATALOG[id];
    return Boolean(def && ids.includes(def.source) && ids.includes(def.target));
  };
  const current = new Set(currentEdges.filter(shown));
  // A step that sends nothing (the end of a run) shows everything the run sent, labelled and in colour.
  const wholeRun = current.size === 0;
  const active = new Set([...current].flatMap((id) => [EDGE_CATALOG[id].source, EDGE_CATALOG[id].target]));
  const roles = realmRoles(realm);
  const nodes: Node<ActorNodeData>[] = ids.map((id) => {
    const a = ACTORS[id];
    return {
      id,
      type: 'actor',
      position: { x: a.x, y: a.y },
      data: { actor: id, label: a.label, role: roles[id] ?? a.role, knows: knows[id] ?? [], active: active.has(id) },
      draggable: false,
      focusable: false,
    };
  });

  const groups = new Map<string, { source: string; target: string; ids: string[] }>();
  for (const id of new Set([...pastEdges, ...currentEdges])) {
    if (!shown(id)) continue;
    const { source, target } = EDGE_CATALOG[id];
    const key = pairKey(source, target);
    const group = groups.get(key) ?? { source, target, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }

  const edges: Edge<PairEdgeData>[] = [];
  for (const [key, g] of groups) {
    const isCurrent = g.ids.some((id) => current.has(id));
    const labelled = g.ids.filter((id) => wholeRun || current.has(id));
    const lines = labelled.map((id) => ({ id, from: EDGE_CATALOG[id].source, label: EDGE_CATALOG[id].label, current: current.has(id) }));
    const directions = (labelled.length > 0 ? labelled : g.ids).map((id) => EDGE_CATALOG[id].source === g.source);
    edges.push({
      id: key,
      type: 'pair',
      source: g.source,
      target: g.target,
      ...facingHandles(ACTORS[g.source], ACTORS[g.target]),
      animated: isCurrent,
      focusable: false,
      data: {
        lines,
        emphasis: isCurrent ? 'current' : wholeRun ? 'run' : 'past',
        colorOf: lines.length > 0 ? lines[lines.length - 1].from : null,
        forward: directions.includes(true),
        backward: directions.includes(false),
      },
    });
  }
  return { nodes, edges };
}
