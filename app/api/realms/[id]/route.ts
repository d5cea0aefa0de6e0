// GET|DELETE /api/realms/[id] – a lab realm's document, or its end (204)
import { mountApiHandler } from '@/lib/realms/mount-api';
import { realmEndpoint } from '@/lib/realms/api';

const handler = mountApiHandler((request, origin, id) => realmEndpoint(request, origin, id));
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
