import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleServerRequest, inProcessFetch } from '../server-router';
import { createMockHttpServer } from './http-server';

// flowlab-mock's node:http face answers the RS and the AS's machine-facing endpoints from a light request,
// not a web Request (lib/http-adapters/node-http.ts): what goes on the wire must be what the web
// Request → Response path gives, byte for byte where the answer holds nothing random.
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

const BASIC = `Basic ${Buffer.from('service:service-secret').toString('base64')}`;
const FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded' };

describe('flowlab-mock’s node:http face at the AS’s machine-facing endpoints', () => {
  it('answers discovery, JWKS and refused token, introspection, revocation and device requests as the in-process router does', async () => {
    const access = await token('photos:read');
    const cases: Array<[string, RequestInit]> = [
      ['/as/demo/.well-known/openid-configuration', {}],
      ['/as/demo/jwks', {}],
      ['/as/demo/token', { method: 'POST', headers: FORM_TYPE, body: 'grant_type=client_credentials' }],
      ['/as/demo/token', { method: 'POST', headers: { ...FORM_TYPE, authorization: BASIC }, body: 'grant_type=password&username=a' }],
      ['/as/demo/token', { method: 'POST', headers: { authorization: BASIC, 'content-type': 'application/json' }, body: '{}' }],
      ['/as/demo/token', { method: 'POST', headers: { ...FORM_TYPE, authorization: BASIC }, body: 'scope=a&scope=b' }],
      ['/as/demo/token', { method: 'GET' }],
      ['/as/demo/introspect', { method: 'POST', headers: { ...FORM_TYPE, authorization: BASIC }, body: 'token=nonsense' }],
      ['/as/demo/revoke', { method: 'POST', headers: { ...FORM_TYPE, authorization: BASIC }, body: 'token=nonsense' }],
      ['/as/demo/device_authorization', { method: 'POST', headers: FORM_TYPE, body: 'client_id=nobody' }],
      ['/as/demo/userinfo', { headers: { authorization: `Bearer ${access}` } }],
    ];
    for (const [path, init] of cases) {
      const wire = await fetch(`${base}${path}`, init);
      const inProcess = await inProcessFetch(`${base}${path}`, init);
      const headers = (res: Response) =>
        Object.fromEntries(['content-type', 'cache-control', 'www-authenticate', 'allow'].map((h) => [h, res.headers.get(h)]));
      expect([path, wire.status, headers(wire), await wire.text()]).toEqual([
        path,
        inProcess.status,
        headers(inProcess),
        await inProcess.text(),
      ]);
    }
  });

  it('issues a token from a body sent in pieces, and introspects it', async () => {
    const access = await token('photos:read');
    const res = await fetch(`${base}/as/demo/introspect`, {
      method: 'POST',
      headers: { ...FORM_TYPE, authorization: BASIC },
      body: new Blob([`token=${access.slice(0, 100)}`, access.slice(100)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ active: true, client_id: 'service', scope: 'photos:read' });
  });

  it('refuses a body too large (413), not UTF-8 (400), and a method a web Request cannot carry (501), never a 500', async () => {
    const post = (path: string, body: BodyInit) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { ...FORM_TYPE, authorization: BASIC }, body });
    const big = await post('/as/demo/token', 'a'.repeat(70_000));
    expect([big.status, (await big.json()).error_description]).toEqual([413, 'The request body is larger than 65536 bytes.']);
    const notUtf8 = await post('/as/demo/token', new Uint8Array([0xff, 0xfe]));
    expect([notUtf8.status, (await notUtf8.json()).error_description]).toEqual([400, 'The request body is not valid UTF-8.']);
    // fetch refuses to send TRACE, so it goes out by node:http.
    const { request } = await import('node:http');
    for (const path of ['/as/demo/token', '/api/realms', '/as/demo/login', '/attacker/x/log']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${base}${path}`, { method: 'TRACE' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect([path, status]).toEqual([path, 501]);
    }
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
