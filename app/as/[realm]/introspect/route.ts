// POST /as/[realm]/introspect – RFC 7662 §2
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { introspectionEndpoint } from '@/lib/oauth-server/introspect';

export const POST = mountRealmHandler(introspectionEndpoint);
