// Any unknown URL, and notFound() from a page (e.g. /flows/<no-such-grant>): the site's own 404 with its navigation.
import type { Metadata } from 'next';
import Link from 'next/link';
import { NAV } from '@/components/ui/nav-links';
import { SiteHeader } from '@/components/ui/site-header';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
        <p className="font-mono text-sm font-semibold text-indigo-700">HTTP 404</p>
        <h1 className="mt-1 text-3xl font-bold">This page does not exist</h1>
        <p className="mt-3 max-w-2xl text-slate-700">
          The address may be mistyped, or the page may have moved. The servers&apos; endpoints live under <code className="font-mono">/as/demo/</code> and{' '}
          <code className="font-mono">/rs/demo/</code>; everything else is one of these:
        </p>
        <ul className="mt-6 space-y-2">
          <li>
            <Link href="/" className="font-medium text-indigo-800 underline">
              Home
            </Link>
          </li>
          {NAV.map((n) => (
            <li key={n.href}>
              <Link href={n.href} className="font-medium text-indigo-800 underline">
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
