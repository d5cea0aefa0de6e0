import { memo } from 'react';
import { toCurl } from '@/lib/http-trace/curl';
import type { Exchange } from '@/lib/http-trace/types';
import { PartyName } from '@/components/ui/party';
import { CopyButton } from './copy-button';

function pretty(body: string | undefined): string {
  if (!body) return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * Vary values Next.js appends to every app-route response, route handlers included: the App Router's
 * client cache keys on the first five, and its response compression adds Accept-Encoding. The OAuth
 * server's handlers never set them, and Next.js appends them outside the handler (base-server's
 * setVaryHeader), so neither the handler nor next.config.ts `headers()` can take them off.
 */
const NEXT_VARY = new Set([
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'accept-encoding',
]);

/** Splits a response header into what the server sent and what the framework added (`framework`), by Next's own names. */
export function frameworkPart(name: string, value: string): { own: string; framework: string } {
  const key = name.toLowerCase();
  if (key.startsWith('x-nextjs-')) return { own: '', framework: value };
  if (key !== 'vary') return { own: value, framework: '' };
  const tokens = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const isNext = (t: string) => NEXT_VARY.has(t.toLowerCase());
  return { own: tokens.filter((t) => !isNext(t)).join(', '), framework: tokens.filter(isNext).join(', ') };
}

const FRAMEWORK_NOTE = 'added by Next.js, not by the OAuth server';

function HeaderLines({ headers, response = false }: { headers: Record<string, string>; response?: boolean }) {
  return (
    <>
      {Object.entries(headers).map(([k, v]) => {
        const { own, framework } = response ? frameworkPart(k, v) : { own: v, framework: '' };
        return (
          <div key={k}>
            <span className="text-sky-300">{k}</span>: {own}
            {framework && (
              <span className="text-slate-400">
                {own ? ', ' : ''}
                {framework} <span className="italic">← {FRAMEWORK_NOTE}</span>
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}

/** The raw HTTP of one exchange, request and response, with "Copy as curl". */
export const ExchangeView = memo(function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { request, response } = exchange;
  const url = new URL(request.url);
  return (
    <article aria-label={`${request.method} ${url.pathname}`} className="rounded-lg border border-slate-300">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-slate-100 px-3 py-2 text-sm">
        <span className="font-medium text-slate-900">
          {exchange.channel === 'front' ? 'Front channel (browser redirect)' : 'Back channel (direct HTTP)'} ·{' '}
          <PartyName actor={exchange.from} /> → <PartyName actor={exchange.to} />
          {response && response.ms > 0 ? ` · ${response.ms} ms` : ''}
        </span>
        <CopyButton text={toCurl(exchange)} label="Copy as curl" />
      </header>
      {/* The panes look like a terminal in both themes. */}
      <div className="theme-fixed grid gap-0 md:grid-cols-2">
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
              <div className={`font-semibold ${response.status < 400 ? 'text-emerald-300' : 'text-rose-300'}`}>
                HTTP/1.1 {response.status}
              </div>
              <HeaderLines headers={response.headers} response />
              {response.body && <div className="mt-2 whitespace-pre-wrap break-all">{pretty(response.body)}</div>}
            </>
          ) : (
            <div>(the browser followed this; no response recorded)</div>
          )}
        </pre>
      </div>
    </article>
  );
});
