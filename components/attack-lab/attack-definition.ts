import type { ComponentType } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { LabRealmSpec } from '@/lib/attack-lab/lab-realms';
import type { FlowExtrasProps } from '@/components/flow-player/flow-definition';

/**
 * What the lab needs of one attack besides its machine's meta: the parties on the diagram, the
 * realms of its two modes, its variants and its step panels. Slug, title and summary live in the
 * registry (attack-registry.ts).
 */
export interface AttackDefinition {
  machine: AnyStateMachine;
  actors: readonly string[];
  /** The weakened realm of the **Vulnerable** side. */
  vulnerable: LabRealmSpec;
  /** When the variant decides the weakness (e.g. which redirect-URI matching mode): the Vulnerable realm of each variant. */
  vulnerableFor?: (variant: string | undefined) => LabRealmSpec;
  /** The **Hardened** side: no weaknesses (default), with the same settings as the vulnerable one. */
  hardened?: LabRealmSpec;
  /**
   * A choice the learner makes before the run, e.g. the spelling of `none`. `only: 'vulnerable'` when the choice is
   * which weakness the Vulnerable realm has and nothing else (the Hardened realm has none, so it is not offered there).
   */
  variants?: { label: string; choices: ReadonlyArray<{ value: string; label: string }>; only?: 'vulnerable' };
  Extras?: ComponentType<FlowExtrasProps>;
  /** Shows the Attacker's console (her site's log, live): for attacks where something leaks to her site. */
  attackerConsole?: boolean;
}

export function hardenedSpec(def: AttackDefinition): LabRealmSpec {
  return def.hardened ?? { weaknesses: [], ...(def.vulnerable.settings ? { settings: def.vulnerable.settings } : {}) };
}
