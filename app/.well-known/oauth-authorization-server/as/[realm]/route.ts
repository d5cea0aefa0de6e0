// GET /.well-known/oauth-authorization-server/as/[realm] – RFC 8414 §3 (path insertion)
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { discoveryEndpoint } from '@/lib/oauth-server/discovery';

export const GET = mountRealmHandler(discoveryEndpoint);
