import Link from 'next/link';

const NAV = [
  { href: '/flows', label: 'Flows' },
  { href: '/jwt', label: 'JWT debugger' },
  { href: '/attacks', label: 'Attack lab' },
];

/** The client app's header. The AS pages deliberately use a different one (lib/oauth-server/pages). */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-indigo-700">
          Flowlab
        </Link>
        <ul className="flex gap-4 text-sm">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-950">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
