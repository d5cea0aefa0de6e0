// POST /as/[realm]/token – RFC 6749 §3.2 token endpoint
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { tokenEndpoint } from '@/lib/oauth-server/token/endpoint';

export const POST = mountRealmHandler(tokenEndpoint);
