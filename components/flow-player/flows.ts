import type { AnyStateMachine } from 'xstate';
import { AUTH_CODE_STEPS } from '@/machines/authorization-code.steps';
import { authorizationCodeMachine } from '@/machines/authorization-code.machine';
import { CLIENT_CREDENTIALS_STEPS } from '@/machines/client-credentials.steps';
import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import type { ClientAuthMethod, ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { StepMeta } from '@/machines/step-meta';

export interface FlowOptions {
  client: string;
  authMethod: ClientAuthMethod;
  scope: string;
}

export interface FlowDefinition {
  slug: string;
  title: string;
  machine: AnyStateMachine;
  steps: Record<string, StepMeta>;
  defaults: FlowOptions;
  clients: Array<{ id: string; label: string; secret?: string; methods: ClientAuthMethod[] }>;
  scopes: string[];
  makeInput(options: FlowOptions, origin: string): { origin: string; client: ClientCredentials; scope: string };
}

const credentials = (def: FlowDefinition, o: FlowOptions): ClientCredentials => {
  const c = def.clients.find((x) => x.id === o.client) ?? def.clients[0];
  const method = c.methods.includes(o.authMethod) ? o.authMethod : c.methods[0];
  return { clientId: c.id, secret: c.secret, method };
};

const authorizationCode: FlowDefinition = {
  slug: 'authorization-code',
  title: 'Authorization code with PKCE and OpenID Connect',
  machine: authorizationCodeMachine,
  steps: AUTH_CODE_STEPS,
  defaults: { client: 'spa', authMethod: 'none', scope: 'openid profile email photos:read' },
  clients: [
    { id: 'spa', label: 'spa — public single-page app (no secret)', methods: ['none'] },
    { id: 'web', label: 'web — confidential web server (secret web-secret)', secret: 'web-secret', methods: ['client_secret_basic', 'client_secret_post'] },
  ],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write'],
  makeInput(o, origin) {
    return { origin, client: credentials(this, o), scope: o.scope };
  },
};

const clientCredentials: FlowDefinition = {
  slug: 'client-credentials',
  title: 'Client credentials',
  machine: clientCredentialsMachine,
  steps: CLIENT_CREDENTIALS_STEPS,
  defaults: { client: 'service', authMethod: 'client_secret_basic', scope: 'photos:read' },
  clients: [{ id: 'service', label: 'service — confidential backend (secret service-secret)', secret: 'service-secret', methods: ['client_secret_basic', 'client_secret_post'] }],
  scopes: ['photos:read', 'photos:write'],
  makeInput(o, origin) {
    return { origin, client: credentials(this, o), scope: o.scope };
  },
};

export const FLOWS: Record<string, FlowDefinition> = {
  [authorizationCode.slug]: authorizationCode,
  [clientCredentials.slug]: clientCredentials,
};
