import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
 * IncomingMessage → Request, buffering the body up to `maxBodyBytes`. With `peer`, client-sent
 * internal headers are dropped and `peer.name` carries the socket's (or trusted proxy's) address.
 */
export async function toWebRequest(req: IncomingMessage, maxBodyBytes: number, origin?: string, peer?: PeerStamp): Promise<Request> {
  const base = origin ?? `http://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', base);
  // Name/value pairs straight into the Request (a Headers object first would be built, sorted and copied once more).
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (!isPeerHeader(raw[i])) headers.push([raw[i], raw[i + 1]]);
  }
  // Every client-sent header of the peer prefix was dropped above, so this is the only one of its name.
  const address = peer && resolvePeerAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], peer.trustedHops);
  if (peer && address) headers.push([peer.name, address]);
  const method = req.method ?? 'GET';
  let body: Uint8Array | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) throw new BodyTooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBodyBytes) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    if (total > 0) body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  }
  // The Request copies the bytes into its own body; readLimitedText may take these instead (lib/http/request-body.ts).
  const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
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
