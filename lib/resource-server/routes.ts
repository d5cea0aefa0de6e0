import type { RouteTable } from '../oauth-server/route-table';

/** Resource server endpoints under `/rs/{realm}/`. */
export const rsRoutes: RouteTable = {};
