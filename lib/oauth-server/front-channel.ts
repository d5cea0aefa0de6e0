import { authorizeEndpoint } from './authorize/endpoint';
import { consentEndpoint } from './authorize/consent';
import { loginEndpoint } from './authorize/login';
import { logoutEndpoint } from './authorize/logout';
import { deviceAuthorizationEndpoint } from './device/authorization-endpoint';
import { deviceVerificationEndpoint } from './device/verification-endpoint';
import type { RouteTable } from './route-table';

/** Front-channel endpoints of the AS (authorize, login, consent, device page, device_authorization, logout). */
export const asFrontChannelRoutes: RouteTable = {
  authorize: authorizeEndpoint,
  login: loginEndpoint,
  consent: consentEndpoint,
  logout: logoutEndpoint,
  device: deviceVerificationEndpoint,
  device_authorization: deviceAuthorizationEndpoint,
};
