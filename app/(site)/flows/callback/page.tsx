// GET /flows/callback – the redirect_uri of the demo clients (RFC 6749 §3.1.2); hands the URL to the player
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { CallbackRelay } from '@/components/flow-player/callback-relay';
import { originOf } from '@/lib/http/origin';
import { labCallbackRedirect, toSearchParams } from '@/lib/lab-client/callback-redirect';

export const metadata = { title: 'Returning to the flow' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  // Only a lab realm with client-open-redirect redirects (lib/lab-client/callback-redirect.ts); otherwise the page is as always.
  const params = toSearchParams(await searchParams);
  if (params.has('next')) {
    const h = await headers();
    const origin = originOf(new Request('http://localhost/flows/callback', { headers: { host: h.get('host') ?? 'localhost' } }));
    const target = await labCallbackRedirect(params, origin);
    if (target) redirect(target);
  }
  return (
    <>
      <h1 className="text-3xl font-bold">Back from the authorization server</h1>
      <CallbackRelay />
    </>
  );
}
