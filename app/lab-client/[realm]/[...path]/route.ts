// POST /lab-client/[realm]/session – the legacy implicit app's backend signs in whoever a token names (lib/lab-client/implicit-login.ts)
import { handleLabClient } from '@/lib/lab-client/implicit-login';

const handler = (request: Request) => handleLabClient(request);
export { handler as GET, handler as POST, handler as PUT, handler as DELETE, handler as PATCH };
