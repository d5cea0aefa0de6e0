import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { inputTestOf } from '@/machines/input-guard';

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
 *
 * A guard made with `inputGuard` (machines/input-guard.ts) reads only the run's input (the variant, the
 * Server switch), so the list follows it from the first step: the branch the input rules out is no fork.
 */
export interface PlannedSteps {
  /** Step names: the trail, then the steps ahead. */
  steps: string[];
  /** A fork ahead may shorten the run: the total is "about". */
  approximate: boolean;
}

interface TransitionLike {
  target?: readonly NodeLike[];
  guard?: unknown;
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

/** Decides a guard ahead of time when it reads only the input; undefined when only the run can tell. */
type Decide = (guard: unknown) => boolean | undefined;

/**
 * The transitions one event (or `always`) can take, in order, as XState tries them: the first that
 * passes wins, so candidates stop at an unguarded one or at an input guard known to pass, and an input
 * guard known to fail is never taken.
 */
function candidates(list: readonly TransitionLike[], decide: Decide): TransitionLike[] {
  const out: TransitionLike[] = [];
  for (const t of list) {
    const known = t.guard === undefined ? true : decide(t.guard);
    if (known === false) continue;
    out.push(t);
    if (known === true) break;
  }
  return out;
}

/** Every transition of a state and of its descendants that the run can take, in the order the machine lists them. */
function transitionsOf(node: NodeLike, decide: Decide): TransitionLike[] {
  const own = [...node.transitions.values()].flatMap((list) => candidates(list, decide));
  return [...own, ...candidates(node.always ?? [], decide), ...Object.values(node.states).flatMap((child) => transitionsOf(child, decide))];
}

interface Graph {
  /** The next step states a state leads to (through non-step states), in the machine's order. */
  next: (node: NodeLike) => NodeLike[];
  /** The longest run of steps from a state to an ending (the state itself excluded). */
  longest: (node: NodeLike) => NodeLike[];
}

function graphOf(decide: Decide): Graph {
  const nextMemo = new Map<string, NodeLike[]>();
  const longestMemo = new Map<string, NodeLike[]>();
  const next = (node: NodeLike, seen = new Set<string>()): NodeLike[] => {
    const known = nextMemo.get(node.id);
    if (known) return known;
    seen.add(node.id);
    const found: NodeLike[] = [];
    for (const t of transitionsOf(node, decide)) {
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

interface InputGuards {
  /** Each input guard's verdict for one input, by guard name. */
  verdicts: Record<string, boolean>;
  key: string;
}

/** The verdicts of the machine's input guards for this run's input (the graph is kept per set of verdicts). */
function inputGuards(machine: AnyStateMachine, input: unknown): InputGuards {
  const verdicts: Record<string, boolean> = {};
  for (const [name, guard] of Object.entries(machine.implementations.guards ?? {})) {
    const test = inputTestOf(guard);
    if (!test) continue;
    try {
      verdicts[name] = test(input) === true;
    } catch {
      // An input the test cannot read (none yet): leave this fork open.
    }
  }
  return { verdicts, key: JSON.stringify(verdicts) };
}

const graphs = new WeakMap<AnyStateMachine, Map<string, Graph>>();

function graph(machine: AnyStateMachine, input: unknown): Graph {
  const { verdicts, key } = inputGuards(machine, input);
  let byVerdicts = graphs.get(machine);
  if (!byVerdicts) graphs.set(machine, (byVerdicts = new Map()));
  let g = byVerdicts.get(key);
  if (!g) {
    g = graphOf((guard) => {
      const name = typeof guard === 'string' ? guard : (guard as { type?: unknown } | null)?.type;
      return typeof name === 'string' && Object.hasOwn(verdicts, name) ? verdicts[name] : undefined;
    });
    byVerdicts.set(key, g);
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

/** The trail so far and the steps ahead from the live state, for this run's input (see the module comment for forks). */
export function plannedSteps(
  machine: AnyStateMachine,
  trail: readonly string[],
  liveKey: string | undefined,
  input?: unknown,
): PlannedSteps {
  const root = machine.root as unknown as NodeLike;
  const live = liveKey ? root.states[liveKey] : undefined;
  if (!live) return { steps: [...trail], approximate: false };
  const g = graph(machine, input);
  const ahead = g.longest(live);
  // A branch at any fork ahead that lands back on a later step of this path in fewer steps: the total may shrink. One
  // as long (a redirect back with an error in place of a code, then the same checks) leaves the total as it is.
  const path = [live, ...ahead];
  const position = new Map(path.map((n, at) => [n.id, at]));
  const shortcut = (i: number, alt: NodeLike) => {
    const detour = [alt, ...g.longest(alt)];
    for (let k = 0; k < detour.length; k++) {
      const j = position.get(detour[k].id);
      if (j !== undefined && j >= i + 2) return k + 1 < j - i;
    }
    return false;
  };
  let approximate = false;
  for (let i = 0; i < path.length - 1 && !approximate; i++) {
    approximate = g.next(path[i]).some((alt) => alt.id !== path[i + 1].id && shortcut(i, alt));
  }
  return { steps: [...trail, ...ahead.map((n) => stepNameOf(n)!)], approximate };
}
