'use client';
import { IntentLink } from '@/components/ui/intent-link';

/**
 * The error page's content, shared by app/error.tsx and app/(site)/error.tsx: a plain message and a
 * retry, never the error's message or stack (they may name server internals). The digest matches the
 * server log's line.
 */
export function ErrorContent({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <>
      <h1 className="text-3xl font-bold">Something went wrong on this page</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        The page failed while it was being drawn. Try again, or go back to the{' '}
        <IntentLink href="/" className="font-medium text-indigo-800 underline">
          home page
        </IntentLink>
        .
      </p>
      {digest && (
        <p className="mt-2 text-sm text-slate-700">
          Reference for the server log: <code className="font-mono">{digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800">
        Try again
      </button>
    </>
  );
}
