// GET|POST|PUT /attacker/[realm]/… – the lab realm's same-origin attacker site: records what it receives (lib/attacker-site)
import { handleAttackerSite } from '@/lib/attacker-site/route';

const handler = (request: Request) => handleAttackerSite(request);
export { handler as GET, handler as POST, handler as PUT, handler as DELETE, handler as PATCH };
