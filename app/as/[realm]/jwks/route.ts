// GET /as/[realm]/jwks – RFC 7517 §5 JWK Set; other methods get the handler's 405 with Allow
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { jwksEndpoint } from '@/lib/oauth-server/jwks';

const handler = mountRealmHandler(jwksEndpoint);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE, handler as OPTIONS };
