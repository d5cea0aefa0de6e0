/**
 * The body bytes of a Request that a node:http adapter (lib/http-adapters/node-http.ts) built from
 * bytes it had already buffered, remembered beside the Request, so that readLimitedText can use
 * them instead of pulling them back out through the Request's web stream — a few per cent of a
 * token request's CPU in `flowlab-mock` (profile of `npm run bench -- servers`). The Request keeps
 * its body as well: anything that reads it the usual way gets the same bytes.
 */
const bodies = new WeakMap<Request, Uint8Array>();

export function rememberRequestBody(request: Request, bytes: Uint8Array): void {
  bodies.set(request, bytes);
}

/**
 * The remembered bytes, once, while the Request's own body is unread; else undefined (then read
 * the stream). Taking them does not mark the stream used: no handler here reads a body twice.
 */
export function takeRequestBody(request: Request): Uint8Array | undefined {
  const bytes = bodies.get(request);
  if (bytes === undefined || request.bodyUsed) return undefined;
  bodies.delete(request);
  return bytes;
}
