// The peer address a request came from, stamped by the server that owns the socket.
//
// Plain ESM JavaScript (not TypeScript) because two servers that run without a TS loader share it:
// scripts/serve.mjs (Next.js behind node:http) and lib/http-adapters/node-http.ts (imported from TS
// through peer-header.d.mts). lib/http/peer.ts reads what they stamp.
//
// Why a header with a random name: Next.js only fills `x-forwarded-for` when the client did not send
// one, so a client can write its own address; route handlers never see the socket. The server that
// does see the socket deletes every client-sent header with PEER_HEADER_PREFIX, then sets one whose
// name is random per process and published in process.env[PEER_HEADER_ENV] before Next.js starts
// (one process, so route handlers read the same value). Without that server (plain `next dev`,
// in-process tests) the variable is unset and no client header is believed.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

export const PEER_HEADER_ENV = 'FLOWLAB_PEER_HEADER';
export const PEER_HEADER_PREFIX = 'x-flowlab-peer-';
export const TRUSTED_HOPS_ENV = 'FLOWLAB_TRUSTED_PROXY_HOPS';

const MINTED = Symbol.for('flowlab.peerHeaderName');

/**
 * This process's internal header name: minted once per process (a value inherited from a parent
 * process is replaced, never trusted) and published in `env[PEER_HEADER_ENV]`.
 */
export function installPeerHeaderName(env = process.env) {
  globalThis[MINTED] ??= `${PEER_HEADER_PREFIX}${randomBytes(16).toString('hex')}`;
  env[PEER_HEADER_ENV] = globalThis[MINTED];
  return globalThis[MINTED];
}

/** `FLOWLAB_TRUSTED_PROXY_HOPS`: unset or empty → 0 (no proxy trusted); a whole number 0–16, else throws. */
export function parseTrustedHops(value) {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > 16) {
    throw new Error(`${TRUSTED_HOPS_ENV} must be a whole number of proxies in front of the app (0–16), not "${value}"`);
  }
  return Number(value);
}

/**
 * A bare IP address, or undefined. Accepts what sockets and proxies write: `::ffff:`-mapped IPv4
 * (unmapped, so one client is one bucket over IPv4 and IPv6 sockets), `[v6]:port`, `v4:port`.
 */
export function normalizeAddress(value) {
  if (typeof value !== 'string') return undefined;
  let address = value.trim();
  if (address.length === 0 || address.length > 64) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : undefined;
}

/**
 * The address of whoever sent the request. With no trusted proxy, the socket's. With `trustedHops`
 * = N proxies in front of the app, each appending the address it saw to `X-Forwarded-For`, the N-th
 * entry from the right: entries further left were written by the client and are not believed.
 * When the header has fewer than N entries, or that entry is not an IP address, the request did not
 * come through the proxies as configured: the socket's address is the only honest answer.
 */
export function resolvePeerAddress(remoteAddress, forwardedFor, trustedHops = 0) {
  const socket = normalizeAddress(remoteAddress);
  if (trustedHops <= 0 || forwardedFor === undefined) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',');
  if (entries.length < trustedHops) return socket;
  return normalizeAddress(entries[entries.length - trustedHops]) ?? socket;
}

/** True for every header name the servers reserve for themselves (case-insensitive). */
export function isPeerHeader(name) {
  return name.toLowerCase().startsWith(PEER_HEADER_PREFIX);
}

/**
 * Sanitises Node's `req.headers` in place: deletes every client-sent header with the internal
 * prefix, then sets `name` to the resolved peer address (left unset when the socket has none).
 * Returns the address it set.
 */
export function stampPeerHeader(headers, { name, remoteAddress, trustedHops = 0 }) {
  for (const key of Object.keys(headers)) if (isPeerHeader(key)) delete headers[key];
  const address = resolvePeerAddress(remoteAddress, headers['x-forwarded-for'], trustedHops);
  if (address) headers[name.toLowerCase()] = address;
  return address;
}
