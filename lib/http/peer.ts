import { isIP } from 'node:net';
import { PEER_HEADER_ENV, PEER_HEADER_PREFIX } from './peer-header.mjs';

/** The one bucket every request falls into when no server vouched for its address. */
export const UNKNOWN_PEER = 'unknown';

/**
 * The address of the peer that sent `request`, for rate limits: what the server owning the socket
 * stamped in this process's internal header (scripts/serve.mjs under `npm run dev` / `npm start`,
 * lib/http-adapters/node-http.ts without Next.js; see peer-header.mjs). With
 * `FLOWLAB_TRUSTED_PROXY_HOPS` set, those servers already picked the address the proxies saw.
 *
 * Does NOT read `X-Forwarded-For` or any other header a client can write. When no such server runs
 * (plain `next dev`, handlers called in-process by tests) it returns {@link UNKNOWN_PEER} for every
 * request: fail safe — everyone shares one bucket, so a limit is stricter, never bypassed.
 */
export function peerAddress(request: Request): string {
  const name = process.env[PEER_HEADER_ENV];
  if (!name || !name.startsWith(PEER_HEADER_PREFIX)) return UNKNOWN_PEER;
  const value = request.headers.get(name);
  return value && value.length <= 64 && isIP(value) ? value : UNKNOWN_PEER;
}
