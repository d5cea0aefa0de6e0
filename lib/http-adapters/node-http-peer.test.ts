import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_HEADER_ENV } from '../http/peer-header.mjs';
import { handleServerRequest } from '../server-router';
import { createNodeHttpServer } from './node-http';

// Rate limits over real HTTP: the adapter stamps the socket's address, so a client that writes a
// new X-Forwarded-For on every request still lands in its one bucket (RFC 8628 §5.1 wrong codes).
const direct = createNodeHttpServer(handleServerRequest);
const behindProxy = createNodeHttpServer(handleServerRequest, { trustedProxyHops: 1 });
const bases = new Map<Server, string>();
const listen = (server: Server) =>
  new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(void bases.set(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
  );
beforeAll(() => Promise.all([listen(direct), listen(behindProxy)]));
afterAll(() => Promise.all([direct, behindProxy].map((s) => new Promise((resolve) => s.close(resolve)))));

/** A fresh (wrong) user code each time, so the per-code limit (RFC 8628 §5.1) never decides: only the address does. */
const ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const randomCode = () =>
  Array.from({ length: 8 }, (_, i) => (i === 4 ? '-' : '') + ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/** One wrong user code at the device verification page; returns the status. */
async function wrongCode(server: Server, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${bases.get(server)}/as/demo/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: `user_code=${randomCode()}`,
  });
  await res.arrayBuffer();
  return res.status;
}

describe('rate limits behind the node:http adapter', () => {
  it('publishes this process’s internal header name', () => {
    expect(process.env[PEER_HEADER_ENV]).toMatch(/^x-flowlab-peer-[0-9a-f]{32}$/);
  });

  it('a forged X-Forwarded-For, new on every request, does not escape the wrong-code limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12 && !statuses.includes(429); i++)
      statuses.push(await wrongCode(direct, { 'x-forwarded-for': `198.51.100.${i}` }));
    expect(statuses).toContain(429);
    expect(statuses.slice(0, -1).every((s) => s === 400)).toBe(true);
  });

  it('a forged copy of the internal header does not escape it either', async () => {
    expect(await wrongCode(direct, { [process.env[PEER_HEADER_ENV]!]: '198.51.100.77' })).toBe(429);
  });

  it('with one trusted proxy hop, the address the proxy appended is the bucket', async () => {
    // Same socket (127.0.0.1, already limited above): different proxy-seen clients are separate buckets.
    expect(await wrongCode(behindProxy, { 'x-forwarded-for': 'forged, 203.0.113.1' })).toBe(400);
    expect(await wrongCode(behindProxy, { 'x-forwarded-for': 'forged, 203.0.113.2' })).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i++)
      statuses.push(await wrongCode(behindProxy, { 'x-forwarded-for': `forged-${i}, 203.0.113.3` }));
    expect(statuses).toContain(429);
  });
});
