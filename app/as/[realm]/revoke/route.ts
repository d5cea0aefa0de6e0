// POST /as/[realm]/revoke – RFC 7009 §2
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { revocationEndpoint } from '@/lib/oauth-server/revoke';

export const POST = mountRealmHandler(revocationEndpoint);
