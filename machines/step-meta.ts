import type { Exchange } from '@/lib/http-trace/types';
import type { Check } from '@/lib/oauth-client/checklist';
import type { ClientError } from '@/lib/oauth-client/result';

/** A specification reference, linked to rfc-editor.org / openid.net. */
export interface SpecRef {
  label: string;
  href: string;
}

/** Edge ids of the diagram, `from->to:what` (components/flow-diagram/edges.ts). */
export type EdgeId = string;

/**
 * The typed `meta` of every step state: the single source the player, the diagram and the step
 * list read (DESIGN.md). `pause` says the player must not auto-advance here (the learner acts).
 */
export interface StepMeta {
  title: string;
  explanation: string;
  specs: SpecRef[];
  notice: string[];
  edges: EdgeId[];
  /** What each party knows after this step, by actor id (shown on the diagram nodes). */
  knows?: Partial<Record<string, string[]>>;
  pause?: 'navigate' | 'wait' | 'end';
}

export const rfc = (num: number, section?: string): SpecRef => ({
  label: `RFC ${num}${section ? ` §${section}` : ''}`,
  href: `https://www.rfc-editor.org/rfc/rfc${num}${section ? `#section-${section}` : ''}`,
});

export const oidc = (section: string, anchor: string): SpecRef => ({
  label: `OIDC Core §${section}`,
  href: `https://openid.net/specs/openid-connect-core-1_0.html#${anchor}`,
});

/** The step every machine ends in when a request fails or a check does not pass; `notice` adds flow-specific hints. */
export const failedStep = (notice: string[] = []): StepMeta => ({
  title: 'The flow stopped on an error',
  explanation: 'A request failed or a check did not pass. The error below says what and where.',
  specs: [rfc(6749, '5.2')],
  notice,
  edges: [],
  pause: 'end',
});

/** Context fields every flow machine carries, so one player renders them all. */
export interface FlowContextBase {
  trail: string[];
  exchanges: Exchange[];
  checks: Record<string, Check[]>;
  error?: ClientError;
  /** Plain facts a step wants shown (label → value), by step. */
  facts: Record<string, Array<{ label: string; value: string }>>;
}

export const emptyFlowContext = (): FlowContextBase => ({ trail: [], exchanges: [], checks: {}, facts: {} });
