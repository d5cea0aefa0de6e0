// GET|POST /rs/[realm]/photos – RFC 6750 §2.1 bearer-protected photo list (scopes photos:read / photos:write)
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { photosEndpoint } from '@/lib/resource-server/photos-endpoint';

const handler = mountRealmHandler(photosEndpoint);
// Every method reaches the handler, which answers 405 with Allow for the ones it does not serve.
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
