import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleServerRequest } from '../server-router';
import { createNodeHttpServer } from './node-http';

// The benchmark's path: Flowlab's servers over real HTTP through the node:http adapter.
const server = createNodeHttpServer(handleServerRequest);
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Flowlab served by the node:http adapter', () => {
  it('issues a client_credentials token and accepts it at the RS, with the realm bound to the request origin', async () => {
    const tokenRes = await fetch(`${base}/as/demo/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=photos%3Aread',
    });
    expect(tokenRes.status).toBe(200);
    const { access_token: token } = await tokenRes.json();
    const rs = await fetch(`${base}/rs/demo/photos`, { headers: { authorization: `Bearer ${token}` } });
    expect(rs.status).toBe(200);
    expect((await rs.json()).owner).toBe('service');
  });

  it('passes the RS challenge through unchanged', async () => {
    const res = await fetch(`${base}/rs/demo/photos`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${base}/rs/demo"`);
  });
});
