import type { RealmDescriptor } from '@/lib/realms/descriptor';
import type { Outcome } from '@/lib/attack-lab/verdict';
import type { FlowContextBase } from '../step-meta';

/** The attack page's **Server** switch: the same steps against a weakened lab realm or a hardened one. */
export type ServerMode = 'vulnerable' | 'hardened';

export interface AttackInput {
  origin: string;
  /** The lab realm of the chosen mode (made through POST /api/realms). */
  realm: RealmDescriptor;
  mode: ServerMode;
  /** An attack's variant, e.g. the spelling of `none` (`none`, `None`, `NONE`, `nOnE`). */
  variant?: string;
}

export interface AttackContextBase extends FlowContextBase {
  input: AttackInput;
  /** Set by the step whose answer decides the attack: what the server really did. */
  outcome?: Outcome;
}
