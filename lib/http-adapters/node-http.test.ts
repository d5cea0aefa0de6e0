import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_HEADER_ENV } from '../http/peer-header.mjs';
import { createNodeHttpServer } from './node-http';

const echo = async (request: Request) =>
  new Response(
    JSON.stringify({
      method: request.method,
      url: request.url,
      auth: request.headers.get('authorization'),
      body: await request.text(),
      peer: request.headers.get(process.env[PEER_HEADER_ENV]!),
    }),
    {
      status: 201,
      headers: [
        ['content-type', 'application/json'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ],
    },
  );

const server = createNodeHttpServer(echo, { maxBodyBytes: 16 });
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the node:http adapter', () => {
  it('hands the handler a web Request with method, full URL, headers and body, and writes the Response back', async () => {
    const res = await fetch(`${base}/as/demo/token?x=1`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.json()).toEqual({
      method: 'POST',
      url: `${base}/as/demo/token?x=1`,
      auth: 'Bearer t',
      body: 'hello',
      peer: '127.0.0.1',
    });
  });

  it('stamps the socket address in the internal peer header and drops a client-sent copy of it', async () => {
    const res = await fetch(`${base}/x`, {
      headers: { [process.env[PEER_HEADER_ENV]!]: '198.51.100.1', 'x-forwarded-for': '198.51.100.2' },
    });
    expect((await res.json()).peer).toBe('127.0.0.1');
  });

  it('answers 413 without calling the handler when the body is over the cap', async () => {
    const res = await fetch(`${base}/x`, { method: 'POST', body: 'x'.repeat(17) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe('invalid_request');
  });
});
