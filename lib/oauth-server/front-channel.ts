import type { RouteTable } from './route-table';

/** Front-channel endpoints of the AS (authorize, login, consent, device page, device_authorization, logout). */
export const asFrontChannelRoutes: RouteTable = {};
