'use client';
// A page that threw while rendering: the site's navigation, a plain message and a retry; never the error's
// message or stack (they may name server internals). The digest matches the server log's line.
import Link from 'next/link';
import { SiteHeader } from '@/components/ui/site-header';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
        <h1 className="text-3xl font-bold">Something went wrong on this page</h1>
        <p className="mt-3 max-w-2xl text-slate-700">
          The page failed while it was being drawn. Nothing you entered was sent anywhere because of it. Try again, or go back to the{' '}
          <Link href="/" className="font-medium text-indigo-800 underline">
            home page
          </Link>
          .
        </p>
        {error.digest && (
          <p className="mt-2 text-sm text-slate-700">
            Reference for the server log: <code className="font-mono">{error.digest}</code>
          </p>
        )}
        <button type="button" onClick={reset} className="mt-6 rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
          Try again
        </button>
      </main>
    </>
  );
}
