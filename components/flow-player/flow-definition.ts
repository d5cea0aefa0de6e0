import type { ComponentType } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { ClientAuthMethod } from '@/lib/oauth-client/client-auth';
import { demoRealm, type RealmDescriptor } from '@/lib/realms/descriptor';
import type { FlowInput } from '@/machines/flow-input';
import type { FlowContextBase, StepMeta } from '@/machines/step-meta';

export interface FlowOptions {
  client: string;
  authMethod: ClientAuthMethod;
  scope: string;
  /** Bind the access token with DPoP (RFC 9449), where the flow offers it (`dpopOption`). */
  dpop?: boolean;
}

/** What a flow's own step panels receive from the player. */
export interface FlowExtrasProps {
  step: string;
  /** The step's meta: the panels take their words from it (`fields`), as the step card does. */
  meta: StepMeta;
  context: FlowContextBase;
  /** False while the learner reviews an earlier step: panels must not offer actions then. */
  live: boolean;
  /** Sends an event to the flow's machine (e.g. `user.tamperState`, `user.pollNow`). */
  send: (event: { type: string }) => void;
  /** Persists the run and sends the browser to the authorization URL in the context (`authUrl`). */
  goToAuthorizationServer: () => void;
}

/**
 * What the player needs of one flow besides its machine's own meta: the learner's options and the
 * flow's step panels. Its slug, title and summary live in the registry (flow-registry.ts).
 */
export interface FlowDefinition {
  machine: AnyStateMachine;
  defaults: FlowOptions;
  clients: Array<{ id: string; label: string; secret?: string; methods: ClientAuthMethod[] }>;
  scopes: string[];
  /** The flow offers "Bind the token with DPoP (RFC 9449)" in its options. */
  dpopOption?: boolean;
  /** Step-specific panels shown under the diagram. */
  Extras?: ComponentType<FlowExtrasProps>;
}

/** The machine's input for the learner's options: the chosen client with a method it may use (else its first), against the `demo` realm unless told another. */
export function flowInput(def: FlowDefinition, o: FlowOptions, origin: string, realm?: RealmDescriptor): FlowInput {
  const c = def.clients.find((x) => x.id === o.client) ?? def.clients[0];
  const method = c.methods.includes(o.authMethod) ? o.authMethod : c.methods[0];
  const dpop = def.dpopOption === true && o.dpop === true ? { dpop: true } : {};
  return { origin, realm: realm ?? demoRealm(origin), client: { clientId: c.id, secret: c.secret, method }, scope: o.scope, ...dpop };
}
