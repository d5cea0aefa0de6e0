'use client';
import { useState } from 'react';

/** Copies text to the clipboard and says so (politely, for screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {label}
      <span aria-live="polite" className="ml-1 text-green-800">
        {copied ? '✓ copied' : ''}
      </span>
    </button>
  );
}
