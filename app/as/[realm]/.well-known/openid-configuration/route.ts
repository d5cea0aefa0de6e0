// GET /as/[realm]/.well-known/openid-configuration – OIDC Discovery 1.0 §4; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { discoveryEndpoint } from '@/lib/oauth-server/discovery';

const handler = mountRealmHandler(discoveryEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
