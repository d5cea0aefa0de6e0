// GET /.well-known/oauth-authorization-server/as/[realm] – RFC 8414 §3 (path insertion); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { discoveryEndpoint } from '@/lib/oauth-server/discovery';

const handler = mountRealmHandler(discoveryEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
