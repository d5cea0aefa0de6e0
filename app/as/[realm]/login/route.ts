// /as/[realm]/login – AS front channel (lib/oauth-server/authorize/login.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { loginEndpoint } from '@/lib/oauth-server/authorize/login';

const handler = mountRealmHandler(loginEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
