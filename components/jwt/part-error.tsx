import type { JwtError } from '@/lib/jwt/result';

/** A decode error for one part, said plainly, next to whatever could still be read. */
export function PartError({ error, text }: { error: JwtError; text?: string }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{error.message}</p>
      {text !== undefined && (
        <pre tabIndex={0} className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap font-mono text-xs text-slate-700">
          {text.slice(0, 2000)}
        </pre>
      )}
    </div>
  );
}
