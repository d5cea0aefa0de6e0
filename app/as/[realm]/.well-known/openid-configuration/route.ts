// GET /as/[realm]/.well-known/openid-configuration – OIDC Discovery 1.0 §4
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { discoveryEndpoint } from '@/lib/oauth-server/discovery';

export const GET = mountRealmHandler(discoveryEndpoint);
