'use client';
// The root layout itself failed: this replaces it, so it brings its own <html>, <body> and styles.
// No error message or stack is shown; the digest matches the server log's line.
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-3xl px-4 py-12">
          <p className="text-lg font-bold text-indigo-700">Flowlab</p>
          <h1 className="mt-4 text-3xl font-bold">Flowlab could not load</h1>
          <p className="mt-3 text-slate-700">
            Something failed before the page could be drawn. Try again, or open the{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the app shell is what failed: a full page load, not a client navigation. */}
            <a href="/" className="font-medium text-indigo-800 underline">
              home page
            </a>
            .
          </p>
          {error.digest && (
            <p className="mt-2 text-sm text-slate-700">
              Reference for the server log: <code className="font-mono">{error.digest}</code>
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
