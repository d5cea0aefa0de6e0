import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFrontServer, parseServeArgs, peerStampingListener } from './serve.mjs';

const NAME = 'x-flowlab-peer-ffeeddccbbaa99887766554433221100';

describe('parseServeArgs (npm run dev -- … / npm start -- …)', () => {
  it('takes the same -H and -p flags as next dev / next start, long forms too', () => {
    expect(parseServeArgs(['dev', '-H', '0.0.0.0', '-p', '3000'], {})).toEqual({
      dev: true,
      hostname: '0.0.0.0',
      port: 3000,
      webpack: false,
    });
    expect(parseServeArgs(['start', '--port=3100'], {})).toEqual({ dev: false, hostname: undefined, port: 3100, webpack: false });
    expect(parseServeArgs(['start', '--hostname', '::'], {})).toMatchObject({ hostname: '::' });
    expect(parseServeArgs(['dev', '--webpack'], {})).toMatchObject({ webpack: true });
  });

  it('defaults to $PORT, then 3000, and to every interface', () => {
    expect(parseServeArgs(['start'], { PORT: '8080' })).toMatchObject({ port: 8080, hostname: undefined });
    expect(parseServeArgs(['dev'], {})).toMatchObject({ port: 3000 });
  });

  it('refuses what it does not know, with the usage line', () => {
    for (const argv of [
      [],
      ['serve'],
      ['dev', '-p', 'http'],
      ['dev', '-p', '70000'],
      ['dev', '--turbo'],
      ['start', '--webpack'],
      ['dev', 'extra'],
    ]) {
      expect(() => parseServeArgs(argv, {}), argv.join(' ')).toThrow(/usage|Unknown option|invalid port|dev only/);
    }
  });
});

describe('peerStampingListener (every request, before Next.js sees it)', () => {
  let seen: IncomingHttpHeaders[] = [];
  const handle = (req: { headers: IncomingHttpHeaders }, res: { end: (body: string) => void }) => {
    seen.push({ ...req.headers });
    res.end('ok');
  };
  const direct = createServer(peerStampingListener(handle, { name: NAME, trustedHops: 0 }));
  const proxied = createServer(peerStampingListener(handle, { name: NAME, trustedHops: 1 }));
  const url = new Map<object, string>();
  beforeAll(() =>
    Promise.all(
      [direct, proxied].map(
        (s) =>
          new Promise<void>((resolve) =>
            s.listen(0, '127.0.0.1', () => resolve(void url.set(s, `http://127.0.0.1:${(s.address() as AddressInfo).port}/`))),
          ),
      ),
    ),
  );
  afterAll(() => Promise.all([direct, proxied].map((s) => new Promise((resolve) => s.close(resolve)))));

  it('stamps the socket address; a forged X-Forwarded-For and a forged internal header change nothing', async () => {
    seen = [];
    await fetch(url.get(direct)!, {
      headers: { 'x-forwarded-for': '203.0.113.9', [NAME]: '203.0.113.10', [`${NAME.slice(0, 20)}x`]: '203.0.113.11' },
    });
    await fetch(url.get(direct)!);
    expect(seen.map((h) => h[NAME])).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(Object.keys(seen[0]).filter((k) => k.startsWith('x-flowlab-peer-'))).toEqual([NAME]);
  });

  it('answers TRACE with a 501 itself, before Next.js would fail to build a web Request for it (a 500)', async () => {
    seen = [];
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url.get(direct)!}as/demo/token`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect([status, seen.length]).toEqual([501, 0]);
  });

  it('behind one trusted proxy, stamps the address the proxy appended', async () => {
    seen = [];
    await fetch(url.get(proxied)!, { headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' } });
    expect(seen[0][NAME]).toBe('203.0.113.9');
  });
});

describe('peerStampingListener with a direct route (npm start’s front server)', () => {
  const served: string[] = [];
  const listener = peerStampingListener(
    (req, res) => {
      served.push(`next ${req.url} ${req.headers[NAME]}`);
      res.end();
    },
    { name: NAME, trustedHops: 0 },
    {
      isServerPath: (rawUrl) => rawUrl === '/as/demo/token',
      handle: (req, res) => {
        served.push(`direct ${req.url} ${req.headers[NAME]}`);
        res.end();
      },
    },
  );
  const server = createServer(listener);
  let base = '';
  beforeAll(
    () =>
      new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(void (base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
      ),
  );
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('hands a server path over unstamped (the front server reads the socket itself), the rest stamped to Next.js, refusals first', async () => {
    await fetch(`${base}/as/demo/token`, { headers: { [NAME]: '203.0.113.10' } });
    await fetch(`${base}/jwt`);
    const refused = await fetch(`${base}/as/%ff/token`);
    expect(refused.status).toBe(404);
    expect(served).toEqual(['direct /as/demo/token 203.0.113.10', 'next /jwt 127.0.0.1']);
  });
});

describe('loadFrontServer (npm start: the servers’ paths without Next.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlab-front-'));
  const frontModule = pathToFileURL(join(dir, 'front.mjs'));
  writeFileSync(frontModule, 'export const isServerPath = (u) => u === "/x"; export const createFrontServer = (o) => () => o.origin;');
  const distDir = join(dir, '.next');
  const peer = { name: NAME, trustedHops: 0 };
  mkdirSync(distDir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the compiled module, given the origin request URLs are built on', async () => {
    const front = await loadFrontServer({ env: {}, distDir, origin: 'http://localhost:3000', peer, frontModule });
    expect(front.reason).toBeUndefined();
    expect(front.isServerPath?.('/x')).toBe(true);
    // The stand-in's handler returns the origin it was created with.
    expect((front.handle as unknown as () => string)()).toBe('http://localhost:3000');
  });

  it('says why it keeps them in Next.js: asked to, no module, or a module older than the build', async () => {
    expect(await loadFrontServer({ env: { FLOWLAB_SERVE_VIA_NEXT: '1' }, distDir, origin: 'x', peer, frontModule })).toEqual({
      reason: 'FLOWLAB_SERVE_VIA_NEXT=1',
    });
    const missing = pathToFileURL(join(dir, 'none.mjs'));
    expect((await loadFrontServer({ env: {}, distDir, origin: 'x', peer, frontModule: missing })).reason).toMatch(/missing.*npm run build/);
    writeFileSync(join(distDir, 'BUILD_ID'), 'b');
    const old = new Date(Date.now() - 60_000);
    utimesSync(frontModule, old, old);
    expect((await loadFrontServer({ env: {}, distDir, origin: 'x', peer, frontModule })).reason).toMatch(/older than .*npm run build/);
  });
});
