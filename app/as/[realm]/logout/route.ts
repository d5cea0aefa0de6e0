// /as/[realm]/logout – AS front channel (lib/oauth-server/authorize/logout.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { logoutEndpoint } from '@/lib/oauth-server/authorize/logout';

const handler = mountRealmHandler(logoutEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
