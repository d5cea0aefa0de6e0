import type { RouteTable } from '../oauth-server/route-table';
import { photosEndpoint } from './photos-endpoint';
import { profileEndpoint } from './profile-endpoint';

/** Resource server endpoints under `/rs/{realm}/` (DESIGN.md "demo realm contract"). */
export const rsRoutes: RouteTable = {
  photos: photosEndpoint,
  profile: profileEndpoint,
};
