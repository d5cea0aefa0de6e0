// /as/[realm]/consent – AS front channel (lib/oauth-server/authorize/consent.ts); other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { consentEndpoint } from '@/lib/oauth-server/authorize/consent';

const handler = mountRealmHandler(consentEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
