import { REFRESH_TOKEN_STEPS } from '@/machines/refresh-token.steps';
import { refreshTokenMachine } from '@/machines/refresh-token.machine';
import { RefreshTokenExtras } from '../refresh-token-extras';
import { CHECK_TITLES, type FlowDefinition } from '../flows';
import { authorizationCode } from './authorization-code';

export const refreshToken: FlowDefinition = {
  slug: 'refresh-token',
  title: 'Refresh tokens: rotation and replay detection',
  machine: refreshTokenMachine,
  steps: REFRESH_TOKEN_STEPS,
  defaults: { client: 'spa', authMethod: 'none', scope: 'openid offline_access photos:read' },
  // The same clients as the authorization-code flow: both may use the refresh_token grant.
  clients: authorizationCode.clients,
  scopes: authorizationCode.scopes,
  Extras: RefreshTokenExtras,
  checkTitles: {
    checkCallback: 'The client\u2019s checks of the redirect (RFC 6749 §10.12, RFC 9207)',
    refresh1: 'What the client checked in the refresh response (RFC 9700 §4.14.2, OIDC Core §12.2)',
    refresh2: 'What the client checked in the refresh response (RFC 9700 §4.14.2, OIDC Core §12.2)',
    callApi: CHECK_TITLES.callApi,
    callApiRevoked: 'The checks the JWT alone allows (RFC 9068 §4): revocation is not in the token',
  },
  checksFrom: authorizationCode.checksFrom,
};
