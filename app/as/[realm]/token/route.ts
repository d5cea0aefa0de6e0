// POST /as/[realm]/token – RFC 6749 §3.2 token endpoint; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { tokenEndpoint } from '@/lib/oauth-server/token/endpoint';

const handler = mountRealmHandler(tokenEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
