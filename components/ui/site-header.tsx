import Link from 'next/link';
import { SiteNav } from './site-nav';
import { ThemeToggle } from './theme-toggle';

/** The client app's header. The AS pages deliberately use a different one (lib/oauth-server/pages). */
export function SiteHeader() {
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only rounded bg-indigo-700 px-3 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      >
        Skip to main content
      </a>
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3 sm:gap-6">
        <Link href="/" className="text-lg font-bold text-indigo-700">
          Flowlab
        </Link>
        <SiteNav />
        <div className="sm:ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
