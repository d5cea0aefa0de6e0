// GET /as/[realm]/jwks – RFC 7517 §5 JWK Set
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { jwksEndpoint } from '@/lib/oauth-server/jwks';

export const GET = mountRealmHandler(jwksEndpoint);
