// Types for peer-header.mjs (plain JS so scripts/serve.mjs can run it without a TS loader).
export declare const PEER_HEADER_ENV: 'FLOWLAB_PEER_HEADER';
export declare const PEER_HEADER_PREFIX: 'x-flowlab-peer-';
export declare const TRUSTED_HOPS_ENV: 'FLOWLAB_TRUSTED_PROXY_HOPS';

/** This process's internal header name, minted once and published in `env.FLOWLAB_PEER_HEADER`. */
export function installPeerHeaderName(env?: Record<string, string | undefined>): string;

/** `FLOWLAB_TRUSTED_PROXY_HOPS`: unset → 0; a whole number 0–16, else throws. */
export function parseTrustedHops(value: string | undefined): number;

/** A bare IP address, or undefined. */
export function normalizeAddress(value: unknown): string | undefined;

/** The socket's address, or with N trusted proxies the N-th `X-Forwarded-For` entry from the right. */
export function resolvePeerAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops?: number,
): string | undefined;

/** True for every header name the servers reserve for themselves. */
export function isPeerHeader(name: string): boolean;

/** Deletes client-sent internal headers from Node's `req.headers` and sets `name` to the peer address. */
export function stampPeerHeader(
  headers: Record<string, string | string[] | undefined>,
  options: { name: string; remoteAddress: string | undefined; trustedHops?: number },
): string | undefined;
