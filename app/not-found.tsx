// An unknown URL: the site's own 404, with its navigation (outside the (site) layout, so it brings the header).
import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/ui/not-found-content';
import { SiteHeader } from '@/components/ui/site-header';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
        <NotFoundContent />
      </main>
    </>
  );
}
