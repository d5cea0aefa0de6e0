'use client';
// A page of the site threw while rendering: the error page inside the (site) layout, which has the header.
import { ErrorContent } from '@/components/ui/error-content';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
