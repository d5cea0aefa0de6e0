import { request as httpRequest } from 'node:http';

/**
 * A `fetch` for plain-HTTP test servers that opens a new TCP connection for every request
 * (`agent: false`, `Connection: close`). node:cluster hands each connection to one worker, in turn
 * (round-robin on Linux), so requests made with this reach every worker of `flowlab-mock --workers`,
 * where a keep-alive `fetch` would stay with the first. Usable as oauth4webapi's `customFetch`.
 */
export interface FreshFetchInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | Uint8Array | null;
}

export async function freshConnectionFetch(input: string | URL | Request, init: FreshFetchInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('connection', 'close');
  const body =
    init.body === undefined || init.body === null ? undefined : Buffer.from(await new Response(init.body as BodyInit).arrayBuffer());
  if (body) headers.set('content-length', String(body.length));
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: Object.fromEntries(headers), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
        }
        const status = res.statusCode ?? 500;
        const nullBody = status === 204 || status === 304;
        resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: out }));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
