'use client';
// The root layout itself failed: this replaces it, so it brings its own document (components/ui/global-error-document.tsx)
// and the stylesheet.
import { GlobalErrorDocument } from '@/components/ui/global-error-document';
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <GlobalErrorDocument digest={error.digest} reset={reset} />;
}
