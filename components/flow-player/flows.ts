import type { ComponentType } from 'react';
import type { AnyStateMachine } from 'xstate';
import { AUTH_CODE_STEPS } from '@/machines/authorization-code.steps';
import { authorizationCodeMachine } from '@/machines/authorization-code.machine';
import { CLIENT_CREDENTIALS_STEPS } from '@/machines/client-credentials.steps';
import { clientCredentialsMachine } from '@/machines/client-credentials.machine';
import type { ClientAuthMethod, ClientCredentials } from '@/lib/oauth-client/client-auth';
import type { FlowContextBase, StepMeta } from '@/machines/step-meta';
import { AuthCodeExtras } from './auth-code-extras';
import { REFRESH_TOKEN_STEPS } from '@/machines/refresh-token.steps';
import { refreshTokenMachine } from '@/machines/refresh-token.machine';
import { RefreshTokenExtras } from './refresh-token-extras';
import { DEVICE_CODE_STEPS } from '@/machines/device-code.steps';
import { deviceCodeMachine } from '@/machines/device-code.machine';
import { DeviceCodeExtras } from './device-code-extras';

export interface FlowOptions {
  client: string;
  authMethod: ClientAuthMethod;
  scope: string;
}

/** What a flow's own step panels receive from the player. */
export interface FlowExtrasProps {
  step: string;
  context: FlowContextBase;
  /** False while the learner reviews an earlier step: panels must not offer actions then. */
  live: boolean;
  /** Sends an event to the flow's machine (e.g. `user.tamperState`, `user.pollNow`). */
  send: (event: { type: string }) => void;
  /** Persists the run and sends the browser to the authorization URL in the context (`authUrl`). */
  goToAuthorizationServer: () => void;
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
  /** Step-specific panels shown under the diagram. */
  Extras?: ComponentType<FlowExtrasProps>;
  /** Titles of the checklists, by the step that made them. */
  checkTitles?: Record<string, string>;
  /** Steps that show the checklist another (transient) step made. */
  checksFrom?: Record<string, string>;
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
  Extras: AuthCodeExtras,
  checkTitles: {
    checkCallback: 'The client\u2019s checks of the redirect (RFC 6749 §10.12, RFC 9207)',
    validateIdToken: 'ID token validation (OIDC Core §3.1.3.7)',
    callApi: 'What the resource server checked (RFC 9068 §4)',
  },
  // The callback checks run in a transient state; they are shown on the step it leads to.
  checksFrom: { callbackAccepted: 'checkCallback', accessDenied: 'checkCallback', callbackRefused: 'checkCallback' },
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
  checkTitles: { callApi: 'What the resource server checked (RFC 9068 §4)' },
};

const deviceCode: FlowDefinition = {
  slug: 'device-code',
  title: 'Device authorization grant (TV sign-in)',
  machine: deviceCodeMachine,
  steps: DEVICE_CODE_STEPS,
  defaults: { client: 'tv', authMethod: 'none', scope: 'openid profile offline_access photos:read' },
  clients: [{ id: 'tv', label: 'tv — public device client, Photo Frame TV (no secret)', methods: ['none'] }],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'photos:read', 'photos:write'],
  makeInput(o, origin) {
    return { origin, client: credentials(this, o), scope: o.scope };
  },
  Extras: DeviceCodeExtras,
  checkTitles: {
    validateIdToken: 'ID token validation (OIDC Core §3.1.3.7)',
    callApi: 'What the resource server checked (RFC 9068 §4)',
  },
};

const refreshToken: FlowDefinition = {
  slug: 'refresh-token',
  title: 'Refresh tokens: rotation and replay detection',
  machine: refreshTokenMachine,
  steps: REFRESH_TOKEN_STEPS,
  defaults: { client: 'spa', authMethod: 'none', scope: 'openid offline_access photos:read' },
  // The same clients as the authorization-code flow: both may use the refresh_token grant.
  clients: authorizationCode.clients,
  scopes: authorizationCode.scopes,
  makeInput(o, origin) {
    return { origin, client: credentials(this, o), scope: o.scope };
  },
  Extras: RefreshTokenExtras,
  checkTitles: {
    checkCallback: 'The client\u2019s checks of the redirect (RFC 6749 §10.12, RFC 9207)',
    refresh1: 'What the client checked in the refresh response (RFC 9700 §4.14.2, OIDC Core §12.2)',
    refresh2: 'What the client checked in the refresh response (RFC 9700 §4.14.2, OIDC Core §12.2)',
    callApi: 'What the resource server checked (RFC 9068 §4)',
    callApiRevoked: 'The checks the JWT alone allows (RFC 9068 §4): revocation is not in the token',
  },
  checksFrom: authorizationCode.checksFrom,
};

export const FLOWS: Record<string, FlowDefinition> = {
  [authorizationCode.slug]: authorizationCode,
  [clientCredentials.slug]: clientCredentials,
  [refreshToken.slug]: refreshToken,
  [deviceCode.slug]: deviceCode,
};
