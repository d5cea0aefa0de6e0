// GET|POST /bff/[realm]/… – the token-storage attack's backend for frontend: tokens kept server-side behind an HttpOnly cookie (lib/lab-bff)
import { handleBff } from '@/lib/lab-bff/handler';

const handler = (request: Request) => handleBff(request);
export { handler as GET, handler as POST, handler as PUT, handler as DELETE, handler as PATCH };
