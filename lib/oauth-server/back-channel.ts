import type { RouteTable } from './route-table';

/** Back-channel endpoints of the AS (token, jwks, discovery, userinfo, introspect, revoke). */
export const asBackChannelRoutes: RouteTable = {};
