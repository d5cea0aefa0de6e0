// GET /rs/[realm]/profile – RFC 6750 §2.1 bearer-protected profile (scope profile)
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { profileEndpoint } from '@/lib/resource-server/profile-endpoint';

const handler = mountRealmHandler(profileEndpoint);
// Every method reaches the handler, which answers 405 with Allow for the ones it does not serve.
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
