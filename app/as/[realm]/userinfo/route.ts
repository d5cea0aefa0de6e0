// GET|POST /as/[realm]/userinfo – OIDC Core §5.3; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { userinfoEndpoint } from '@/lib/oauth-server/userinfo';

const handler = mountRealmHandler(userinfoEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
