// POST /api/realms – creates a lab realm with the named weaknesses (DESIGN.md "Lab realms and the attack lab")
import { mountApiHandler } from '@/lib/realms/mount-api';
import { createRealmEndpoint } from '@/lib/realms/api';

const handler = mountApiHandler((request, origin) => createRealmEndpoint(request, origin));
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
