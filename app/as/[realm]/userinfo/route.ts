// GET|POST /as/[realm]/userinfo – OIDC Core §5.3
import { mountRealmHandler } from '@/lib/oauth-server/mount';
import { userinfoEndpoint } from '@/lib/oauth-server/userinfo';

export const GET = mountRealmHandler(userinfoEndpoint);
export const POST = GET;
