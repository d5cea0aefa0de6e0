// POST /as/[realm]/introspect – RFC 7662 §2; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { introspectionEndpoint } from '@/lib/oauth-server/introspect';

const handler = mountRealmHandler(introspectionEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
