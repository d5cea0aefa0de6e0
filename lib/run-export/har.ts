import type { Exchange } from '@/lib/http-trace/types';
import { nameOf } from './participants';
import { type RunForExport, stepNumber } from './run';

/**
 * A whole run as a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/), one entry per recorded
 * exchange, for DevTools' Network panel ("Import HAR file") and for slides.
 *
 * What it does NOT contain, and says so in `log.comment` and on each entry it concerns:
 * - Clock times: the player records each request's duration, not when it was sent. `startedDateTime`
 *   counts from the export's time, each entry after the previous one, so the order is the run's.
 * - What fetch cannot see: headers the browser adds itself (Origin, User-Agent, Cookie), cookies, and
 *   the HTTP version on the wire (written as HTTP/1.1, as the exchange view shows it).
 * - The AS's responses to a browser navigation (the front channel): the page only sees the URL it lands on,
 *   so such an entry has `status: 0` and a comment, unless the lab recorded the redirect.
 * Nothing is redacted: the lab's demo credentials, codes and tokens are in it exactly as they were sent.
 */

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarHeader[];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarHeader[];
    headers: HarHeader[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  /** Custom fields (HAR 1.2: names start with an underscore): where the exchange sits in the run. */
  _flowlab: { step: string; stepNumber?: number; stepTitle?: string; from: string; to: string; channel: 'front' | 'back' };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: Array<{ startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad: number; onLoad: number } }>;
    entries: HarEntry[];
    comment: string;
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const LOG_COMMENT =
  'Exported by Flowlab. startedDateTime counts from the export (the player records durations, not clock times). Headers the browser adds itself ' +
  '(Origin, User-Agent, Cookie) are not visible to fetch and are not here. Browser navigations (the front channel) carry no response unless a redirect was recorded. ' +
  'Nothing is redacted: the demo credentials, codes and tokens are as they were sent.';

const headerList = (h: Readonly<Record<string, string>> | undefined): HarHeader[] =>
  Object.entries(h ?? {}).map(([name, value]) => ({ name, value: String(value) }));

const byteLength = (s: string | undefined) => (s === undefined ? 0 : new TextEncoder().encode(s).length);

function headerValue(h: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const hit = Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === name);
  return hit?.[1];
}

function queryOf(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function entryOf(run: RunForExport, e: Exchange, started: Date): HarEntry {
  const r = e.response;
  const step = stepNumber(run, e.step);
  const time = r ? Math.max(0, r.ms) : 0;
  const body = e.request.body;
  const comments = [
    ...(e.channel === 'front' ? ['A browser navigation (front channel): the client sees the URL, not the exchange.'] : []),
    ...(r ? [] : ['No response recorded: the browser followed it on its own.']),
  ];
  return {
    pageref: 'run',
    startedDateTime: started.toISOString(),
    time,
    request: {
      method: e.request.method,
      url: e.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(e.request.headers),
      queryString: queryOf(e.request.url),
      ...(body !== undefined
        ? { postData: { mimeType: headerValue(e.request.headers, 'content-type') ?? 'application/octet-stream', text: body } }
        : {}),
      headersSize: -1,
      bodySize: byteLength(body),
    },
    response: {
      status: r?.status ?? 0,
      statusText: r ? (STATUS_TEXT[r.status] ?? '') : '',
      httpVersion: r ? 'HTTP/1.1' : '',
      cookies: [],
      headers: headerList(r?.headers),
      content: {
        size: byteLength(r?.body),
        mimeType: headerValue(r?.headers, 'content-type') ?? '',
        ...(r?.body !== undefined ? { text: r.body } : {}),
      },
      redirectURL: headerValue(r?.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: r?.body === undefined ? (r ? 0 : -1) : byteLength(r.body),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(comments.length ? { comment: comments.join(' ') } : {}),
    _flowlab: {
      step: step?.name ?? e.step,
      ...(step ? { stepNumber: step.n, stepTitle: run.stepTitles[step.name] } : {}),
      from: nameOf(run.names, e.from).label,
      to: nameOf(run.names, e.to).label,
      channel: e.channel,
    },
  };
}

/** The run as a HAR 1.2 log; `exportedAt` starts the clock of the entries, `version` names Flowlab's. */
export function runToHar(run: RunForExport, exportedAt: Date, version: string): Har {
  let clock = exportedAt.getTime();
  const entries = run.exchanges.map((e) => {
    const entry = entryOf(run, e, new Date(clock));
    // Each entry starts when the previous one ended, at least a millisecond later, so the order survives a sort.
    clock += Math.max(1, Math.ceil(entry.time));
    return entry;
  });
  return {
    log: {
      version: '1.2',
      creator: { name: 'Flowlab', version },
      pages: [
        {
          startedDateTime: exportedAt.toISOString(),
          id: 'run',
          title: `Flowlab: ${run.title}`,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries,
      comment: LOG_COMMENT,
    },
  };
}
