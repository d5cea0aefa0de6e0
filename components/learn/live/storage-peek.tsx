'use client';
import { useState } from 'react';
import { readableByScript, type ReadableEntry } from '@/lib/learn/saved-tokens';

/** What any script running on this origin (yours, a library's, an XSS payload's) can read right now. */
export function StoragePeek() {
  const [seen, setSeen] = useState<{ entries: ReadableEntry[]; cookies: string } | undefined>();
  return (
    <div>
      <button
        type="button"
        onClick={() => setSeen({ entries: readableByScript(window), cookies: document.cookie })}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800"
      >
        Read this origin&apos;s storage, as a script would
      </button>
      {seen && (
        <div className="mt-3 text-sm" aria-live="polite">
          {seen.entries.length === 0 ? (
            <p>
              Nothing in sessionStorage or localStorage yet. Run a flow in this tab and look again: the flow player keeps its run, tokens
              included, in sessionStorage.
            </p>
          ) : (
            <ul aria-label="Readable storage entries" className="list-disc pl-5">
              {seen.entries.map((e) => (
                <li key={`${e.where}:${e.key}`}>
                  <span className="font-mono break-all">
                    {e.where}[&quot;{e.key}&quot;]
                  </span>
                  : {e.tokens > 0 ? `${e.tokens} JWT${e.tokens > 1 ? 's' : ''} readable` : 'no token'}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2">
            document.cookie: <span className="font-mono break-all">{seen.cookies === '' ? '(empty)' : seen.cookies}</span>. An HttpOnly
            cookie, such as the AS&apos;s sign-in session, is never listed there: script cannot read it, though a script on its origin can
            still send requests that carry it.
          </p>
        </div>
      )}
    </div>
  );
}
