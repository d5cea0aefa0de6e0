import { refreshTokenMachine } from '@/machines/refresh-token.machine';
import { RefreshTokenExtras } from '../refresh-token-extras';
import type { FlowDefinition } from '../flow-definition';
import { authorizationCode } from './authorization-code';

export const refreshToken: FlowDefinition = {
  machine: refreshTokenMachine,
  defaults: { client: 'spa', authMethod: 'none', scope: 'openid offline_access photos:read' },
  // The same clients as the authorization-code flow: both may use the refresh_token grant.
  clients: authorizationCode.clients,
  scopes: authorizationCode.scopes,
  Extras: RefreshTokenExtras,
};
