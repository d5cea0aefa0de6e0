import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { StepMeta } from './step-meta';

/**
 * The player's only way to a step's words and edges: the `meta` of the machine's own states.
 * A step is named by its state key (the name `enterStep` puts on the trail).
 */

interface NodeLike {
  key: string;
  meta?: unknown;
  states: Record<string, NodeLike>;
}

const isStepMeta = (m: unknown): m is StepMeta => typeof m === 'object' && m !== null && typeof (m as StepMeta).title === 'string';

const indexes = new WeakMap<AnyStateMachine, Readonly<Record<string, StepMeta>>>();

/** Every step's meta, by state key, read once from the machine's state nodes (for the trail and the timeline). */
export function stepsOf(machine: AnyStateMachine): Readonly<Record<string, StepMeta>> {
  const known = indexes.get(machine);
  if (known) return known;
  const steps: Record<string, StepMeta> = {};
  const walk = (node: NodeLike) => {
    for (const child of Object.values(node.states)) {
      if (isStepMeta(child.meta) && !(child.key in steps)) steps[child.key] = child.meta;
      walk(child);
    }
  };
  walk(machine.root as unknown as NodeLike);
  indexes.set(machine, steps);
  return steps;
}

/** The meta of the step a snapshot is in: the outermost active state that has one. */
export function currentStepMeta(snapshot: AnyMachineSnapshot): StepMeta | undefined {
  return Object.values(snapshot.getMeta()).find(isStepMeta);
}
