// notFound() in a page of the site (e.g. /flows/<no-such-grant>): inside the (site) layout, which has the header.
import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/ui/not-found-content';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return <NotFoundContent />;
}
