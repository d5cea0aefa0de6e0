import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { forbiddenMethodAnswer } from '../http/path-guard.mjs';
import { rememberRequestBody } from '../http/request-body';
import { installPeerHeaderName, isPeerHeader, parseTrustedHops, resolvePeerAddress, TRUSTED_HOPS_ENV } from '../http/peer-header.mjs';

/** A web-standard handler: what lib/server-router.ts exports as `handleServerRequest`. */
export type WebHandler = (request: Request) => Promise<Response>;

export interface NodeHttpOptions {
  /** Bodies above this are answered 413 before the handler runs (our servers need a few KB). */
  maxBodyBytes?: number;
  /** `http://host:port` used to build `request.url`; defaults to the Host header on loopback. */
  origin?: string;
  /** Proxies in front of this server whose `X-Forwarded-For` entries to believe; default `FLOWLAB_TRUSTED_PROXY_HOPS` or 0. */
  trustedProxyHops?: number;
}

/** What toWebRequest needs to stamp the peer address (lib/http/peer-header.mjs). */
export interface PeerStamp {
  name: string;
  trustedHops: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Thrown by toWebRequest for a body over the limit (exported for lib/mock-server/http-server.ts). */
export class BodyTooLarge extends Error {}

/**
 * Serves a `(Request) → Response` handler with plain `node:http`, without Next.js: the
 * benchmark uses it to tell what the servers cost from what the framework adds. Like
 * scripts/serve.mjs it stamps each request with its socket's peer address, so rate limits
 * (lib/http/peer.ts) key on what the client cannot forge.
 */
export function createNodeHttpServer(handler: WebHandler, options: NodeHttpOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const peer: PeerStamp = {
    name: installPeerHeaderName(),
    trustedHops: options.trustedProxyHops ?? parseTrustedHops(process.env[TRUSTED_HOPS_ENV]),
  };
  return createServer((req, res) => {
    serve(handler, req, res, maxBodyBytes, options.origin, peer).catch((err) => {
      console.error('[flowlab] node-http adapter error', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'server_error', error_description: 'The server hit an unexpected condition.' }));
    });
  });
}

async function serve(
  handler: WebHandler,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  origin: string | undefined,
  peer: PeerStamp,
) {
  if (answeredForbiddenMethod(req, res)) return;
  let request: Request;
  try {
    request = await toWebRequest(req, maxBodyBytes, origin, peer);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
    res.end(JSON.stringify({ error: 'invalid_request', error_description: `The request body is larger than ${maxBodyBytes} bytes.` }));
    return;
  }
  await writeWebResponse(await handler(request), res);
}

/**
 * Answers a method that `new Request` would throw on (lib/http/path-guard.mjs) with its 501, so that it is
 * never a 500; false, having written nothing, for any other method.
 */
export function answeredForbiddenMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const answer = forbiddenMethodAnswer(req.method, req.url);
  if (!answer) return false;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
  return true;
}

/** The request URL, as `new Request` would hold it: the path resolved against `origin` or the Host header. */
function requestUrl(req: IncomingMessage, origin: string | undefined): URL {
  return new URL(req.url ?? '/', origin ?? `http://${req.headers.host ?? 'localhost'}`);
}

/**
 * The request's header pairs, in order, as sent; with `peer`, client-sent internal headers are
 * dropped and `peer.name` carries the socket's (or trusted proxy's) address.
 */
function requestHeaders(req: IncomingMessage, peer: PeerStamp | undefined): [string, string][] {
  // Name/value pairs straight into the Request (a Headers object first would be built, sorted and copied once more).
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (!isPeerHeader(raw[i])) headers.push([raw[i], raw[i + 1]]);
  }
  // Every client-sent header of the peer prefix was dropped above, so this is the only one of its name.
  const address = peer && resolvePeerAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], peer.trustedHops);
  if (peer && address) headers.push([peer.name, address]);
  return headers;
}

/** The body, buffered up to `maxBodyBytes` (else {@link BodyTooLarge}); undefined for GET, HEAD and an empty body. */
async function readNodeBody(req: IncomingMessage, method: string, maxBodyBytes: number): Promise<Uint8Array | undefined> {
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  if (total === 0) return undefined;
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * IncomingMessage → Request, buffering the body up to `maxBodyBytes`. With `peer`, client-sent
 * internal headers are dropped and `peer.name` carries the socket's (or trusted proxy's) address.
 */
export async function toWebRequest(req: IncomingMessage, maxBodyBytes: number, origin?: string, peer?: PeerStamp): Promise<Request> {
  const url = requestUrl(req, origin);
  const headers = requestHeaders(req, peer);
  const method = req.method ?? 'GET';
  const body = await readNodeBody(req, method, maxBodyBytes);
  // The Request copies the bytes into its own body; readLimitedText may take these instead (lib/http/request-body.ts).
  const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
  if (body) rememberRequestBody(request, body);
  return request;
}

/**
 * What a request to a machine-facing endpoint is read for: its method, URL and headers (bearer-token.ts,
 * sender-constraint.ts, origin.ts, the routers) and its body through readLimitedText (lib/http/read-limited.ts),
 * which takes the buffered bytes. The same values a web Request would carry — the URL as `new Request`
 * normalises it, a real `Headers` (same joining of repeated fields, same validation) — without building the
 * Request's body stream, AbortSignal and WebIDL conversions: on a token request in `flowlab-mock` those were
 * a fifth of the event loop's time (profile of `npm run bench -- servers`, 2026-12-03), on an RS call ~7 µs.
 * Whatever reads the body the web way (`body`, `text()`, `json()`, `arrayBuffer()`) gets a real Request's,
 * built then from the same bytes.
 */
class LightRequest {
  readonly url: string;
  readonly headers: Headers;
  #web: Request | undefined;
  constructor(
    readonly method: string,
    url: URL,
    headers: [string, string][],
    private readonly bytes: Uint8Array | undefined,
  ) {
    this.url = url.href;
    this.headers = new Headers(headers);
  }
  /** The web Request of these fields, made the first time the body is read the web way. */
  private web(): Request {
    this.#web ??= new Request(this.url, { method: this.method, headers: this.headers, body: this.bytes as BodyInit | undefined });
    return this.#web;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.bytes ? this.web().body : null;
  }
  get bodyUsed(): boolean {
    return this.#web?.bodyUsed ?? false;
  }
  text(): Promise<string> {
    return this.web().text();
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.web().arrayBuffer();
  }
  json(): Promise<unknown> {
    return this.web().json();
  }
}

/**
 * The paths whose handlers read nothing of a Request but what {@link LightRequest} holds: the resource
 * server, and the AS's machine-facing endpoints (token, introspection, revocation, userinfo, JWKS,
 * discovery, device authorization). Not the AS's HTML pages, `/api/…` or the attacker site.
 */
const MACHINE_FACING =
  /^\/(rs\/[^/?#]+\/|as\/[^/?#]+\/(token|introspect|revoke|userinfo|jwks|device_authorization|\.well-known\/openid-configuration)(?:[?#]|$))/;

/**
 * For a request to a machine-facing path ({@link MACHINE_FACING}): the light request, its body buffered up to
 * `maxBodyBytes` (else {@link BodyTooLarge}); for anything else, undefined, before reading the body (use toWebRequest).
 */
export async function toLightRequest(
  req: IncomingMessage,
  maxBodyBytes: number,
  origin?: string,
  peer?: PeerStamp,
): Promise<Request | undefined> {
  const method = req.method;
  if (!method || !req.url || !MACHINE_FACING.test(req.url)) return undefined;
  const url = requestUrl(req, origin);
  // `new Request` refuses a URL with credentials (a Host header such as `user@host`): leave that refusal to it.
  if (url.username || url.password) return undefined;
  const headers = requestHeaders(req, peer);
  const body = await readNodeBody(req, method, maxBodyBytes);
  // The handlers are written against the web Request; they read only what LightRequest holds (see above).
  const request = new LightRequest(method, url, headers, body) as unknown as Request;
  if (body) rememberRequestBody(request, body);
  return request;
}

/** Response → ServerResponse. Bodies are small JSON or HTML: buffered, not streamed. */
export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, headers);
  res.end(body);
}
