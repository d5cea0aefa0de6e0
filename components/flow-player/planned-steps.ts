import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';

/**
 * The whole run as the step list shows it from the start: the steps already taken (the trail) and the
 * steps still ahead, read from the machine's own states, so every flow and attack machine works unchanged.
 *
 * A step is a state whose entry action is `enterStep` (machines/request-step.ts): exactly what the trail
 * records. The steps ahead follow the machine's transitions from the live state, through the states that
 * are not steps (`awaitingCallback`, `checkCallback`, `afterCollect`), never into `failed`.
 *
 * Where the path forks (a guard on a server's answer, e.g. "was the code stolen?"), the list follows the
 * longest branch: an error ending (`accessDenied`, `expired`) is shorter and loses, so the list is the run
 * that goes to its end. If a shorter branch would rejoin that path further on (the hardened server blocks
 * the attack and the run jumps to its outcome; a device token without an ID token skips its validation),
 * the total is not known yet and is `approximate` ("about N") until the fork is behind. The list is
 * recomputed from the live state after every step, so it is exact about the past whatever branch was taken.
 */
export interface PlannedSteps {
  /** Step names: the trail, then the steps ahead. */
  steps: string[];
  /** A fork ahead may shorten the run: the total is "about". */
  approximate: boolean;
}

interface TransitionLike {
  target?: readonly NodeLike[];
}

interface NodeLike {
  key: string;
  id: string;
  type?: string;
  entry?: ReadonlyArray<{ type?: string; params?: { step?: unknown } } | unknown>;
  states: Record<string, NodeLike>;
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[];
}

/** The run ends in `failed` when a request fails: never part of the plan. */
const FAILED = 'failed';

/** The trail name a state adds on entry, if it is a step. */
export function stepNameOf(node: NodeLike): string | undefined {
  for (const a of node.entry ?? []) {
    const act = a as { type?: string; params?: { step?: unknown } };
    if (act && act.type === 'enterStep' && typeof act.params?.step === 'string') return act.params.step;
  }
  return undefined;
}

const within = (node: NodeLike, ancestor: NodeLike) => node.id === ancestor.id || node.id.startsWith(`${ancestor.id}.`);

/** Every transition of a state and of its descendants, in the order the machine lists them. */
function transitionsOf(node: NodeLike): TransitionLike[] {
  const own = [...node.transitions.values()].flat();
  return [...own, ...(node.always ?? []), ...Object.values(node.states).flatMap(transitionsOf)];
}

interface Graph {
  /** The next step states a state leads to (through non-step states), in the machine's order. */
  next: (node: NodeLike) => NodeLike[];
  /** The longest run of steps from a state to an ending (the state itself excluded). */
  longest: (node: NodeLike) => NodeLike[];
}

function graphOf(): Graph {
  const nextMemo = new Map<string, NodeLike[]>();
  const longestMemo = new Map<string, NodeLike[]>();
  const next = (node: NodeLike, seen = new Set<string>()): NodeLike[] => {
    const known = nextMemo.get(node.id);
    if (known) return known;
    seen.add(node.id);
    const found: NodeLike[] = [];
    for (const t of transitionsOf(node)) {
      for (const target of t.target ?? []) {
        if (within(target, node) || target.key === FAILED || seen.has(target.id)) continue;
        const steps = stepNameOf(target) !== undefined ? [target] : next(target, seen);
        for (const s of steps) if (!found.some((f) => f.id === s.id)) found.push(s);
      }
    }
    nextMemo.set(node.id, found);
    return found;
  };
  const longest = (node: NodeLike, visiting = new Set<string>()): NodeLike[] => {
    const known = longestMemo.get(node.id);
    if (known) return known;
    visiting.add(node.id);
    let best: NodeLike[] = [];
    for (const n of next(node)) {
      if (visiting.has(n.id)) continue;
      const path = [n, ...longest(n, visiting)];
      if (path.length > best.length) best = path;
    }
    visiting.delete(node.id);
    longestMemo.set(node.id, best);
    return best;
  };
  return { next, longest };
}

const graphs = new WeakMap<AnyStateMachine, Graph>();

function graph(machine: AnyStateMachine): Graph {
  let g = graphs.get(machine);
  if (!g) {
    g = graphOf();
    graphs.set(machine, g);
  }
  return g;
}

/** The top-level state a snapshot is in (every step of the flow machines is a top-level state). */
export function liveStateKey(snapshot: Pick<AnyMachineSnapshot, 'value'>): string | undefined {
  const v = snapshot.value as unknown;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return Object.keys(v)[0];
  return undefined;
}

/** The trail so far and the steps ahead from the live state (see the module comment for forks). */
export function plannedSteps(machine: AnyStateMachine, trail: readonly string[], liveKey: string | undefined): PlannedSteps {
  const root = machine.root as unknown as NodeLike;
  const live = liveKey ? root.states[liveKey] : undefined;
  if (!live) return { steps: [...trail], approximate: false };
  const g = graph(machine);
  const ahead = g.longest(live);
  // A shorter branch at any fork ahead that lands back on a later step of this path: the total may shrink.
  const path = [live, ...ahead];
  let approximate = false;
  for (let i = 0; i < path.length - 1 && !approximate; i++) {
    const rest = new Set(path.slice(i + 2).map((n) => n.id));
    approximate = g
      .next(path[i])
      .some((alt) => alt.id !== path[i + 1].id && (rest.has(alt.id) || g.longest(alt).some((n) => rest.has(n.id))));
  }
  return { steps: [...trail, ...ahead.map((n) => stepNameOf(n)!)], approximate };
}
