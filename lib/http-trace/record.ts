import { tokensInBody, tokensInHeaders, tokensInUrl } from './find-tokens';
import type { Actor, Exchange } from './types';

export interface ExchangeMeta {
  step: string;
  from: Actor;
  to: Actor;
}

export interface Recorded {
  exchange: Exchange;
  response: Response;
  /** The response body as text (already read; `response` is a fresh copy that can still be read). */
  body: string;
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

let counter = 0;
/** Exchange ids are unique within a page session; they only key lists and diagram edges. */
export function nextExchangeId(step: string): string {
  counter += 1;
  return `${step}#${Date.now().toString(36)}${counter}`;
}

/**
 * Sends a request and records it, raw, as an Exchange: what the learner reads in the exchange view
 * is byte for byte what went over the wire (headers the browser adds itself, like `Origin`, are not visible to fetch).
 */
export async function recordFetch(request: Request, meta: ExchangeMeta, fetchImpl: typeof fetch = fetch): Promise<Recorded> {
  const requestBody = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
  const requestHeaders = headersOf(request.headers);
  const started = performance.now();
  const raw = await fetchImpl(request);
  const body = await raw.text();
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const responseHeaders = headersOf(raw.headers);
  const exchange: Exchange = {
    id: nextExchangeId(meta.step),
    step: meta.step,
    from: meta.from,
    to: meta.to,
    channel: 'back',
    request: { method: request.method, url: request.url, headers: requestHeaders, ...(requestBody ? { body: requestBody } : {}) },
    response: { status: raw.status, headers: responseHeaders, body, ms },
    tokens: [
      ...tokensInUrl(request.url, 'request.url'),
      ...tokensInHeaders(requestHeaders, 'request.headers'),
      ...tokensInBody(requestBody, 'request.body'),
      ...tokensInBody(body, 'response.body'),
    ],
  };
  // A null-body status (Fetch §2.2.3: 101, 103, 204, 205, 304) may not be constructed with a body, even an empty one.
  const response = new Response(NULL_BODY_STATUSES.has(raw.status) ? null : body, { status: raw.status, headers: raw.headers });
  return { exchange, response, body };
}

/**
 * A front-channel hop (RFC 6749 §4.1.1/§4.1.2): the browser follows a redirect, so the client never
 * sees the HTTP response itself, only the URL it ends on. Recorded as the browser saw it.
 */
export function frontChannelExchange(meta: ExchangeMeta, url: string, redirectTo?: string): Exchange {
  return {
    id: nextExchangeId(meta.step),
    step: meta.step,
    from: meta.from,
    to: meta.to,
    channel: 'front',
    request: { method: 'GET', url, headers: {} },
    ...(redirectTo ? { response: { status: 302, headers: { location: redirectTo }, ms: 0 } } : {}),
    tokens: [...tokensInUrl(url, 'request.url'), ...(redirectTo ? tokensInUrl(redirectTo, 'response.headers.location') : [])],
  };
}
