import { IntentLink } from '@/components/ui/intent-link';
import { NAV } from './nav-links';

/** The 404 page's content, shared by app/not-found.tsx (unknown URLs) and app/(site)/not-found.tsx (notFound() in a page). */
export function NotFoundContent() {
  return (
    <>
      <p className="font-mono text-sm font-semibold text-indigo-700">HTTP 404</p>
      <h1 className="mt-1 text-3xl font-bold">This page does not exist</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        The address may be mistyped, or the page may have moved. The servers&apos; endpoints live under{' '}
        <code className="font-mono">/as/demo/</code> and <code className="font-mono">/rs/demo/</code>; everything else is one of these:
      </p>
      <ul className="mt-6 space-y-2">
        <li>
          <IntentLink href="/" className="font-medium text-indigo-800 underline">
            Home
          </IntentLink>
        </li>
        {NAV.map((n) => (
          <li key={n.href}>
            <IntentLink href={n.href} className="font-medium text-indigo-800 underline">
              {n.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </>
  );
}
