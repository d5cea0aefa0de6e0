// /as/[realm]/device – AS front channel (lib/oauth-server/device/verification-endpoint.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { deviceVerificationEndpoint } from '@/lib/oauth-server/device/verification-endpoint';

const handler = mountRealmHandler(deviceVerificationEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
