import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleServerRequest, inProcessFetch } from '../server-router';
import { createMockHttpServer } from './http-server';

// flowlab-mock's node:http face answers a GET under /rs/ from a light request, not a web Request
// (lib/http-adapters/node-http.ts): what goes on the wire must be what the web Request → Response
// path gives, byte for byte.
const server = createMockHttpServer(handleServerRequest, {});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function token(scope: string): Promise<string> {
  const res = await fetch(`${base}/as/demo/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('service:service-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const HEADERS = ['content-type', 'cache-control', 'flowlab-checks', 'www-authenticate'];
const pick = (res: Response) => Object.fromEntries(HEADERS.map((h) => [h, res.headers.get(h)]));

describe('flowlab-mock’s node:http face at the resource server', () => {
  it('answers GET /photos and /profile with the same status, headers and body as the in-process router', async () => {
    const access = await token('photos:read');
    for (const path of ['/rs/demo/photos', '/rs/demo/profile']) {
      const init = { headers: { authorization: `Bearer ${access}` } };
      const wire = await fetch(`${base}${path}`, init);
      const inProcess = await inProcessFetch(`${base}${path}`, init);
      expect(wire.status).toBe(inProcess.status);
      expect(pick(wire)).toEqual(pick(inProcess));
      const body = await wire.text();
      expect(wire.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(body).toBe(await inProcess.text());
    }
    const photos = await fetch(`${base}/rs/demo/photos`, { headers: { authorization: `Bearer ${access}` } });
    expect(await photos.json()).toMatchObject({ owner: 'service', photos: expect.any(Array) });
  });

  it('refuses a missing, a forged and a query-string token as before', async () => {
    const access = await token('photos:read');
    const forged = `${access.slice(0, -4)}AAAA`;
    for (const [url, headers] of [
      [`${base}/rs/demo/photos`, {}],
      [`${base}/rs/demo/photos`, { authorization: `Bearer ${forged}` }],
      [`${base}/rs/demo/photos?access_token=${access}`, {}],
      [`${base}/rs/demo/photos`, { authorization: `Bearer ${access}, Bearer ${access}` }],
    ] as const) {
      const wire = await fetch(url, { headers });
      const inProcess = await inProcessFetch(url, { headers });
      expect([wire.status, pick(wire), await wire.text()]).toEqual([inProcess.status, pick(inProcess), await inProcess.text()]);
      expect(wire.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('still reads a POST body at the RS (the full web Request path)', async () => {
    const access = await token('photos:write');
    const res = await fetch(`${base}/rs/demo/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Mock face' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Mock face' });
  });
});

describe('flowlab-mock’s node:http face when an answer cannot be written', () => {
  it('sends a plain 500 server_error, with none of the unwritable answer’s headers', async () => {
    // An answer whose header value node:http refuses (writeHead throws ERR_INVALID_CHAR), after a good one.
    const unwritable = {
      status: 401,
      bodyUsed: false,
      body: null,
      headers: {
        forEach: (fn: (value: string, name: string) => void) => {
          fn('kept?', 'x-before');
          fn('split\nheader', 'x-bad');
        },
        getSetCookie: () => [],
        get: () => null,
      },
    } as unknown as Response;
    const broken = createMockHttpServer(async () => unwritable, {});
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/rs/demo/photos`);
      expect([res.status, res.statusText, res.headers.get('x-before'), res.headers.get('content-type')]).toEqual([
        500,
        'Internal Server Error',
        null,
        'application/json;charset=UTF-8',
      ]);
      expect(await res.json()).toEqual({ error: 'server_error', error_description: 'The server hit an unexpected condition.' });
    } finally {
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });
});
