// GET /api/weaknesses – the catalogue of lab-realm weaknesses (DESIGN.md "Lab realms and the attack lab")
import { mountApiHandler } from '@/lib/realms/mount-api';
import { weaknessesEndpoint } from '@/lib/realms/api';

const handler = mountApiHandler((request) => weaknessesEndpoint(request));
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
