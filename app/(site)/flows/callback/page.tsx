// GET /flows/callback – the redirect_uri of the demo clients (RFC 6749 §3.1.2); hands the URL to the player
import { CallbackRelay } from '@/components/flow-player/callback-relay';

export const metadata = { title: 'Returning to the flow' };

export default function Page() {
  return (
    <>
      <h1 className="text-3xl font-bold">Back from the authorization server</h1>
      <CallbackRelay />
    </>
  );
}
