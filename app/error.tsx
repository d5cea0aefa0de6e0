'use client';
// Something above the site's pages failed (its layout included): the error page with the site's navigation.
import { ErrorContent } from '@/components/ui/error-content';
import { SiteHeader } from '@/components/ui/site-header';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
        <ErrorContent digest={error.digest} reset={reset} />
      </main>
    </>
  );
}
