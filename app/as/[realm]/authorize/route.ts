// /as/[realm]/authorize – AS front channel (lib/oauth-server/authorize/endpoint.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { authorizeEndpoint } from '@/lib/oauth-server/authorize/endpoint';

const handler = mountRealmHandler(authorizeEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
