import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  BodyTooLarge,
  DEFAULT_MAX_BODY_BYTES,
  answeredForbiddenMethod,
  toLightRequest,
  toWebRequest,
  type PeerStamp,
  type WebHandler,
} from '../http-adapters/node-http';
import { answerWithTextAnswers, knownResponseText } from '../http/response-text';
import { installPeerHeaderName, parseTrustedHops, TRUSTED_HOPS_ENV } from '../http/peer-header.mjs';

/**
 * flowlab-mock's node:http face: lib/http-adapters/node-http.ts's request side as it is (the same
 * body limit, the same peer-address stamping that rate limits key on), and a response side that
 * writes a text body as a string. Node then sends the header block and the body in one write
 * instead of a writev of two buffers — a quarter of the RS's time in the profile was that syscall.
 * Every body these servers send is JSON, HTML or text; anything else is written as bytes.
 * Under `--workers`, every answer names the worker that gave it (`Flowlab-Mock-Worker: 2`), so a
 * test can tell that its requests reached more than one.
 */
/** The response header that names the `--workers` worker which answered. */
export const WORKER_HEADER = 'Flowlab-Mock-Worker';

export function createMockHttpServer(handler: WebHandler, options: { origin?: string }): Server {
  answerWithTextAnswers();
  const peer: PeerStamp = { name: installPeerHeaderName(), trustedHops: parseTrustedHops(process.env[TRUSTED_HOPS_ENV]) };
  const worker = cluster.isWorker ? String(cluster.worker!.id) : undefined;
  return createServer((req, res) => {
    if (worker) res.setHeader(WORKER_HEADER, worker);
    serveNodeRequest(handler, req, res, { origin: options.origin, peer, keepHeaders: worker ? [WORKER_HEADER] : [] });
  });
}

export interface ServeOptions {
  /** `http://host:port` the request URL is built on (issuers still follow a valid `Host`: lib/http/origin.ts). */
  origin: string | undefined;
  peer: PeerStamp;
  /** Bodies above this get a 413 before the handler runs; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
  /** Headers set on `res` before this call that an unexpected error's 500 keeps. */
  keepHeaders?: readonly string[];
  /** Headers an answer gets unless it sets its own (the app's site-wide ones: lib/http/site-headers.mjs). */
  defaultHeaders?: (path: string) => readonly (readonly [string, string])[];
}

/**
 * One request of a node:http server through a web handler: a light request for the machine-facing
 * paths (a web Request for the rest), the answer's text written as it is. Never rejects: an unexpected
 * error is logged and answered with a JSON 500 that carries none of the failed answer's headers.
 * flowlab-mock serves every request with it, and `npm start` (lib/app-server/front.ts) the servers' paths.
 */
export function serveNodeRequest(handler: WebHandler, req: IncomingMessage, res: ServerResponse, options: ServeOptions): void {
  serve(handler, req, res, options).catch((err) => {
    console.error('[flowlab] unexpected error', err);
    if (!res.headersSent) {
      // A writeHead that threw may have set some of the answer's headers: none of them belongs on this one.
      const keep = new Set((options.keepHeaders ?? []).map((h) => h.toLowerCase()));
      for (const name of res.getHeaderNames()) if (!keep.has(name)) res.removeHeader(name);
      res.writeHead(500, 'Internal Server Error', {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        pragma: 'no-cache',
      });
    }
    res.end(JSON.stringify({ error: 'server_error', error_description: 'The server hit an unexpected condition.' }));
  });
}

async function serve(handler: WebHandler, req: IncomingMessage, res: ServerResponse, options: ServeOptions) {
  if (answeredForbiddenMethod(req, res)) return;
  const { origin, peer } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let request: Request;
  try {
    request = (await toLightRequest(req, maxBodyBytes, origin, peer)) ?? (await toWebRequest(req, maxBodyBytes, origin, peer));
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
    res.end(JSON.stringify({ error: 'invalid_request', error_description: `The request body is larger than ${maxBodyBytes} bytes.` }));
    return;
  }
  const response = await handler(request);
  const headers: Record<string, string | string[]> = {};
  if (options.defaultHeaders) for (const [name, value] of options.defaultHeaders(new URL(request.url).pathname)) headers[name] = value;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = knownResponseText(response) ?? (await readBody(response));
  // A body of known length goes out with Content-Length rather than chunked (one chunk, and the framing, fewer bytes).
  if (body !== undefined && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

async function readBody(response: Response): Promise<string | Buffer | undefined> {
  if (!response.body) return undefined;
  const type = response.headers.get('content-type') ?? '';
  const text = /^(application\/(json|[\w.+-]*\+json|x-www-form-urlencoded)|text\/)/i.test(type);
  return text ? response.text() : Buffer.from(await response.arrayBuffer());
}
