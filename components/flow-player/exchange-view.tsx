import { toCurl } from '@/lib/http-trace/curl';
import type { Exchange } from '@/lib/http-trace/types';
import { CopyButton } from './copy-button';

function pretty(body: string | undefined): string {
  if (!body) return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function HeaderLines({ headers }: { headers: Record<string, string> }) {
  return (
    <>
      {Object.entries(headers).map(([k, v]) => (
        <div key={k}>
          <span className="text-sky-300">{k}</span>: {v}
        </div>
      ))}
    </>
  );
}

/** The raw HTTP of one exchange, request and response, with "Copy as curl". */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { request, response } = exchange;
  const url = new URL(request.url);
  return (
    <article aria-label={`${request.method} ${url.pathname}`} className="rounded-lg border border-slate-300">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-100 px-3 py-2 text-sm">
        <span className="font-medium text-slate-900">
          {exchange.channel === 'front' ? 'Front channel (browser redirect)' : 'Back channel (direct HTTP)'} · {exchange.from} → {exchange.to}
          {response && response.ms > 0 ? ` · ${response.ms} ms` : ''}
        </span>
        <CopyButton text={toCurl(exchange)} label="Copy as curl" />
      </header>
      <div className="grid gap-0 md:grid-cols-2">
        <pre className="overflow-x-auto bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" aria-label="HTTP request" tabIndex={0}>
          <div className="font-semibold text-amber-300">
            {request.method} {url.pathname}
            {url.search} HTTP/1.1
          </div>
          <div>
            <span className="text-sky-300">host</span>: {url.host}
          </div>
          <HeaderLines headers={request.headers} />
          {request.body && <div className="mt-2 whitespace-pre-wrap break-all">{request.body}</div>}
        </pre>
        <pre className="overflow-x-auto bg-slate-800 p-3 text-xs leading-relaxed text-slate-100" aria-label="HTTP response" tabIndex={0}>
          {response ? (
            <>
              <div className={`font-semibold ${response.status < 400 ? 'text-emerald-300' : 'text-rose-300'}`}>HTTP/1.1 {response.status}</div>
              <HeaderLines headers={response.headers} />
              {response.body && <div className="mt-2 whitespace-pre-wrap break-all">{pretty(response.body)}</div>}
            </>
          ) : (
            <div>(the browser followed this; no response recorded)</div>
          )}
        </pre>
      </div>
    </article>
  );
}
