// POST /as/[realm]/revoke – RFC 7009 §2; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { revocationEndpoint } from '@/lib/oauth-server/revoke';

const handler = mountRealmHandler(revocationEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
