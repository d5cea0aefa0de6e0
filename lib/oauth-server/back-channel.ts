import { discoveryEndpoint } from './discovery';
import { introspectionEndpoint } from './introspect';
import { jwksEndpoint } from './jwks';
import { revocationEndpoint } from './revoke';
import { tokenEndpoint } from './token/endpoint';
import { userinfoEndpoint } from './userinfo';
import type { RouteTable } from './route-table';

/**
 * Back-channel endpoints of the AS, by sub-path under `/as/{realm}/`.
 * `oauth-authorization-server` is the RFC 8414 path-inserted location, which the server router
 * (and app/.well-known/oauth-authorization-server/as/[realm]) maps here.
 */
export const asBackChannelRoutes: RouteTable = {
  token: tokenEndpoint,
  jwks: jwksEndpoint,
  userinfo: userinfoEndpoint,
  introspect: introspectionEndpoint,
  revoke: revocationEndpoint,
  '.well-known/openid-configuration': discoveryEndpoint,
  'oauth-authorization-server': discoveryEndpoint,
};
