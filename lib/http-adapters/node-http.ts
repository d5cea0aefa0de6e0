import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A web-standard handler: what lib/server-router.ts exports as `handleServerRequest`. */
export type WebHandler = (request: Request) => Promise<Response>;

export interface NodeHttpOptions {
  /** Bodies above this are answered 413 before the handler runs (our servers need a few KB). */
  maxBodyBytes?: number;
  /** `http://host:port` used to build `request.url`; defaults to the Host header on loopback. */
  origin?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

class BodyTooLarge extends Error {}

/**
 * Serves a `(Request) → Response` handler with plain `node:http`, without Next.js: the
 * benchmark uses it to tell what the servers cost from what the framework adds.
 */
export function createNodeHttpServer(handler: WebHandler, options: NodeHttpOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return createServer((req, res) => {
    serve(handler, req, res, maxBodyBytes, options.origin).catch((err) => {
      console.error('[flowlab] node-http adapter error', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'server_error', error_description: 'The server hit an unexpected condition.' }));
    });
  });
}

async function serve(handler: WebHandler, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number, origin?: string) {
  let request: Request;
  try {
    request = await toWebRequest(req, maxBodyBytes, origin);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
    res.end(JSON.stringify({ error: 'invalid_request', error_description: `The request body is larger than ${maxBodyBytes} bytes.` }));
    return;
  }
  await writeWebResponse(await handler(request), res);
}

/** IncomingMessage → Request, buffering the body up to `maxBodyBytes`. */
export async function toWebRequest(req: IncomingMessage, maxBodyBytes: number, origin?: string): Promise<Request> {
  const base = origin ?? `http://${req.headers.host ?? 'localhost'}`;
  const url = new URL(req.url ?? '/', base);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const method = req.method ?? 'GET';
  let body: ArrayBuffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) throw new BodyTooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBodyBytes) throw new BodyTooLarge();
      chunks.push(chunk);
    }
    if (total > 0) {
      const joined = Buffer.concat(chunks);
      body = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
    }
  }
  return new Request(url, { method, headers, body });
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
