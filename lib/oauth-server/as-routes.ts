import { asBackChannelRoutes } from './back-channel';
import { asFrontChannelRoutes } from './front-channel';
import type { RouteTable } from './route-table';

/** Every AS endpoint under `/as/{realm}/`, by sub-path: the one table the routers and `npm start`'s front server share. */
export const asRoutes: RouteTable = { ...asBackChannelRoutes, ...asFrontChannelRoutes };
