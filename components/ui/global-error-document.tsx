'use client';
import { useLayoutEffect } from 'react';
import { applyTheme, isDark, parseTheme, THEME_KEY, THEME_SCRIPT } from '@/lib/theme/theme';
import { NAV } from './nav-links';
import { SkipLink } from './skip-link';

/** The stored choice, as the pre-paint script reads it; storage that throws reads as light (THEME_SCRIPT does the same). */
function storedThemeIsDark(): boolean {
  try {
    return isDark(parseTheme(localStorage.getItem(THEME_KEY)), window.matchMedia('(prefers-color-scheme: dark)').matches);
  } catch {
    return false;
  }
}

/**
 * The whole document shown when the root layout failed (app/global-error.tsx, which adds the stylesheet): its own
 * <html> and <body>, the theme pre-paint script, and a header like the site's, so the page reads as Flowlab in
 * either theme. Only plain links and markup: the site's own header (its menu, the ThemeToggle) may be what failed,
 * and whatever failed is gone, so every link is a full page load. No error message or stack is shown (they may name
 * server internals); the digest matches the server log's line.
 */
export function GlobalErrorDocument({ digest, reset }: { digest?: string; reset: () => void }) {
  // Drawn on the client after a crash, the <head> script is not run (React inserts scripts inert): apply the theme here.
  useLayoutEffect(() => applyTheme(document.documentElement, storedThemeIsDark()), []);
  return (
    // The pre-paint script sets the theme class on <html> before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- the App Router's global-error document brings its own <head> (next/head is for pages/). */}
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Flowlab could not load</title>
      </head>
      <body className="min-h-screen font-sans">
        <header className="relative border-b border-slate-200 bg-white">
          <SkipLink />
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the app shell is what failed: a full page load, not a client navigation. */}
            <a href="/" className="text-lg font-bold text-indigo-700">
              Flowlab
            </a>
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {NAV.map((n) => (
                  <li key={n.href}>
                    <a href={n.href} className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-950">
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-12 focus:outline-none">
          <p className="font-mono text-sm font-semibold text-indigo-700">Error</p>
          <h1 className="mt-1 text-3xl font-bold">Flowlab could not load</h1>
          <p className="mt-3 max-w-2xl text-slate-700">
            Something failed before the page could be drawn. Try again, or open the{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- as above: a full page load. */}
            <a href="/" className="font-medium text-indigo-800 underline">
              home page
            </a>{' '}
            or one of the sections above.
          </p>
          {digest && (
            <p className="mt-2 text-sm text-slate-700">
              Reference for the server log: <code className="font-mono">{digest}</code>
            </p>
          )}
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
