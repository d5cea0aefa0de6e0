import type { Exchange } from '@/lib/http-trace/types';
import type { Check } from '@/lib/oauth-client/checklist';
import type { ClientError } from '@/lib/oauth-client/result';

/** The tag of every state in which the machine waits for a server: the player offers no Next there. */
export const BUSY = 'busy';

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
  /** The checklist this step shows: the checks it made, or those of the (transient) step `from`. */
  checklist?: ChecklistMeta;
  /** What each parameter or field this step shows means, by its name (the tables of the step's panel). */
  fields?: Readonly<Record<string, FieldMeta>>;
  /** An attack's last step: the fix in one sentence and where the specification says so (the Outcome region). */
  fix?: { text: string; specs: SpecRef[] };
}

export interface FieldMeta {
  why: string;
  spec?: string;
}

export interface ChecklistMeta {
  title: string;
  /** The step whose checks are shown, when not this one (e.g. the transient `checkCallback`). */
  from?: string;
  /** Said instead of the list when the step recorded no checks. */
  empty?: string;
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

/** The checklist of every step that calls the resource server: its own report, or plainly none. */
export const RS_CHECKLIST: ChecklistMeta = {
  title: 'What the resource server checked (RFC 9068 §4)',
  empty:
    'The resource server sent no report of its checks with this answer (no Flowlab-Checks header), so none is shown here: the browser does not guess what a server checked.',
};

export const ID_TOKEN_CHECKLIST: ChecklistMeta = { title: 'ID token validation (OIDC Core §3.1.3.7)' };

/** Said on every step that calls the resource server: where its checklist comes from. */
export const RS_REPORT_NOTICE =
  'The checklist below is the resource server\u2019s own report of what it checked in this answer (its ' +
  'Flowlab-Checks response header); the browser does not re-check the token. Against a lab realm it ' +
  'shows which checks a weakness skipped or weakened.';

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
