'use client';
import { useState, type ReactNode } from 'react';

/** Thrown by a demo that refuses its input before sending anything: the message says so, not that a request failed. */
export class NotSent extends Error {}

/** A button that runs one demo; it says when it is busy and shows an error instead of failing silently. */
export function RunButton({ onRun, children }: { onRun: () => Promise<void>; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(true);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        // aria-disabled, not disabled: a disabled button drops keyboard focus to <body> while the request runs.
        aria-disabled={busy}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setError(undefined);
          try {
            await onRun();
          } catch (e) {
            setSent(!(e instanceof NotSent));
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-800 aria-disabled:bg-slate-400"
      >
        {busy ? 'Running…' : children}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {sent ? 'The request failed' : 'Nothing was sent'}: {error}
        </span>
      )}
    </span>
  );
}
