import type { ShownExchange } from '@/lib/learn/demo-requests';

/** What a /learn button sent and got back, as DevTools would show it (long tokens wrap, never scroll sideways). */
export function ExchangeList({ exchanges, label }: { exchanges: ShownExchange[]; label: string }) {
  if (exchanges.length === 0) return null;
  return (
    <ol aria-label={label} className="mt-3 space-y-2">
      {exchanges.map((ex, i) => (
        <li key={i} className="rounded-md border border-slate-200 bg-white p-2 text-sm">
          <p className="font-mono break-all">
            <span className="font-semibold">{ex.method}</span> {ex.url} →{' '}
            <span className={ex.status < 300 ? 'font-semibold text-emerald-800' : 'font-semibold text-red-800'}>{ex.status}</span>
          </p>
          {(Object.keys(ex.requestHeaders).length > 0 || ex.requestBody) && (
            <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs text-slate-700">
              {Object.entries(ex.requestHeaders)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
              {ex.requestBody ? `\n\n${ex.requestBody}` : ''}
            </pre>
          )}
          {Object.keys(ex.responseHeaders).length > 0 && (
            <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs text-slate-900" data-testid="response-headers">
              {Object.entries(ex.responseHeaders)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
            </pre>
          )}
          {ex.body && (
            <pre
              tabIndex={0}
              aria-label="Response body"
              className="mt-1 max-h-48 overflow-y-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-800"
            >
              {ex.body}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}
