// /as/[realm]/device_authorization – AS front channel (lib/oauth-server/device/authorization-endpoint.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { deviceAuthorizationEndpoint } from '@/lib/oauth-server/device/authorization-endpoint';

const handler = mountRealmHandler(deviceAuthorizationEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
