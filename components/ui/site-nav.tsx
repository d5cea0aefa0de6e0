'use client';
import { IntentLink } from '@/components/ui/intent-link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { NAV } from './nav-links';

const linkClass = (current: boolean) =>
  `block rounded px-2 py-1 ${current ? 'bg-indigo-50 font-semibold text-indigo-900' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-950'}`;

/**
 * The main navigation: a row of links from `sm` up; below, a "Menu" button that discloses them
 * (WAI-ARIA APG disclosure pattern: `aria-expanded` + `aria-controls`; Escape closes and returns
 * focus to the button). Navigating closes it.
 */
export function SiteNav() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  // A client-side navigation closes the menu (state adjusted during render, not in an effect).
  if (open && openedAt !== pathname) setOpen(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Main" className="ml-auto sm:ml-0">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((o) => !o);
        }}
        className="flex items-center gap-2 rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-900 sm:hidden"
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="stroke-current" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M3 3l10 10M13 3L3 13" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
        </svg>
        Menu
      </button>
      <ul
        id="main-menu"
        className={`${open ? 'absolute inset-x-0 top-14 z-40 border-b border-slate-200 bg-white px-4 py-2 shadow-md' : 'hidden'} text-sm sm:static sm:flex sm:gap-4 sm:border-0 sm:p-0 sm:shadow-none`}
      >
        {NAV.map((item) => (
          <li key={item.href}>
            <IntentLink
              href={item.href}
              aria-current={isCurrent(item.href) ? 'page' : undefined}
              className={`${linkClass(isCurrent(item.href))} py-2 sm:py-1`}
            >
              {item.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
