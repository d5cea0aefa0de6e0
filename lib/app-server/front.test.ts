import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerHeaderName } from '../http/peer-header.mjs';
import { freshConnectionFetch, type FreshFetchInit } from '../mock-server/testing/fresh-connection-fetch';
import { asRoutes } from '../oauth-server/as-routes';
import { rsRoutes } from '../resource-server/routes';
import { createFrontServer, FRONT_MAX_BODY_BYTES, isServerPath } from './front';

// npm start's front server (scripts/serve.mjs with dist/app/front.mjs) answers the servers' paths without
// Next.js: here it is on its own node:http server, as serve.mjs mounts it, with the Next-side answer
// ("NEXT") for every other path, so a test sees which of the two answered.
const http = { [oauth.allowInsecureRequests]: true } as const;
let port = 0;
const server = createServer();
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const front = createFrontServer({ origin: `http://localhost:${port}`, peer: { name: installPeerHeaderName(), trustedHops: 0 } });
  server.on('request', (req, res) => (isServerPath(req.url) ? front(req, res) : res.end('NEXT')));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A request on its own connection (fetch would not send a hostile Host header), read whole. */
async function raw(path: string, init: FreshFetchInit = {}) {
  const res = await freshConnectionFetch(`http://127.0.0.1:${port}${path}`, init);
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

describe('isServerPath', () => {
  it('takes the paths lib/server-router.ts answers and leaves the pages, assets and trailing slashes to Next.js', () => {
    for (const path of [
      '/as/demo/token',
      '/as/demo/authorize?response_type=code&client_id=x',
      '/as/demo/.well-known/openid-configuration',
      '/as/lab-1a2b/jwks',
      '/rs/demo/photos',
      '/api/weaknesses',
      '/api/realms',
      '/api/realms/lab-abc',
      '/attacker/lab-abc/steal',
      '/bff/lab-abc/login',
      '/lab-client/lab-abc/callback',
      '/.well-known/oauth-authorization-server/as/demo',
      '/as/%ff/token', // serve.mjs refuses it before (lib/http/path-guard.mjs)
    ])
      expect(isServerPath(path), path).toBe(true);
    for (const path of [
      undefined,
      '/',
      '/jwt',
      '/flows/authorization-code',
      '/attacks/alg-none',
      '/_next/static/chunks/app.js',
      '/favicon.ico',
      '/as',
      '/as/demo',
      '/as/demo/',
      '/as/demo/token/',
      '/api/realms/',
      '/api/realms/lab-abc/',
      '/api/other',
      '/api/realms/a/b',
      '/as/demo/nope', // Next.js's branded 404 page
      '/as/demo/oauth-authorization-server',
      '/rs/demo/token',
      '/as/demo/constructor',
      '//evil.example/as/demo/token',
      '/.well-known/oauth-authorization-server/as/demo/',
      '/asx/demo/token',
    ])
      expect(isServerPath(path), String(path)).toBe(false);
  });
});

describe('isServerPath and the route files of app/', () => {
  it('takes a path of every route file, so that no route of `npm run dev` is missed under `npm start`', () => {
    const routes = (readdirSync('app', { recursive: true }) as string[]).filter((f) => f.endsWith('route.ts'));
    expect(routes.length).toBeGreaterThan(20);
    for (const file of routes) {
      const path = `/${file.replace(/\/route\.ts$/, '')}`
        .replace('[realm]', 'demo')
        .replace('[id]', 'lab-abc')
        .replace('[...path]', 'some/page');
      expect(isServerPath(path), file).toBe(true);
    }
    // …and no endpoint of the route tables that a route file does not mount (Next.js would 404 it).
    for (const [prefix, table] of [
      ['as', asRoutes],
      ['rs', rsRoutes],
    ] as const)
      for (const endpoint of Object.keys(table))
        if (isServerPath(`/${prefix}/demo/${endpoint}`)) expect(routes, endpoint).toContain(`${prefix}/[realm]/${endpoint}/route.ts`);
  });
});

describe('the front server', () => {
  it('serves discovery and client credentials to oauth4webapi, the issuer following the Host the client used', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const issuer = new URL(`http://${host}:${port}/as/demo`);
      const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
      expect(as.token_endpoint).toBe(`http://${host}:${port}/as/demo/token`);
      const client = { client_id: 'service' };
      const response = await oauth.clientCredentialsGrantRequest(
        as,
        client,
        oauth.ClientSecretBasic('service-secret'),
        new URLSearchParams({ scope: 'photos:read' }),
        http,
      );
      const tokens = await oauth.processClientCredentialsResponse(as, client, response);
      const photos = await fetch(`http://${host}:${port}/rs/demo/photos`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(photos.status).toBe(200);
    }
  });

  it('adds the site-wide headers of next.config.ts, and leaves the AS pages their own framing policy', async () => {
    const jwks = await raw('/as/demo/jwks');
    expect(jwks.status).toBe(200);
    expect(jwks.headers['x-content-type-options']).toBe('nosniff');
    expect(jwks.headers['referrer-policy']).toBe('no-referrer');
    expect(jwks.headers['content-security-policy']).toBeUndefined();
    const rs = await raw('/rs/demo/photos');
    expect(rs.status).toBe(401);
    expect(rs.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(rs.headers['x-content-type-options']).toBe('nosniff');
    // An AS page's own CSP (framing from the realm's policy point) is the one sent.
    const login = await raw('/as/demo/login?request=nope');
    expect(String(login.headers['content-security-policy'])).toContain('frame-ancestors');
    expect(String(login.headers['content-security-policy'])).not.toBe("frame-ancestors 'none'");
    // No Next.js internals on a server's answer.
    expect(jwks.headers.vary ?? '').not.toMatch(/rsc|next-router/i);
  });

  it('hands every other path to Next.js', async () => {
    for (const path of ['/', '/jwt', '/as/demo', '/as/demo/token/', '/as/demo/nope']) expect((await raw(path)).body, path).toBe('NEXT');
  });

  it('answers hostile input with the servers’ own errors: a bad Host, a huge body, an unknown realm or endpoint', async () => {
    // A Host that is not `host[:port]` names no issuer: the configured origin does (lib/http/origin.ts).
    const meta = await raw('/as/demo/.well-known/openid-configuration', { headers: { host: 'evil.example/x?y' } });
    expect(meta.status).toBe(200);
    expect(JSON.parse(meta.body).issuer).toBe(`http://localhost:${port}/as/demo`);
    // A body past every endpoint's own limit is not buffered: 413 JSON, before the handler.
    const huge = await raw('/as/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(FRONT_MAX_BODY_BYTES + 1, 'a'),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ error: 'invalid_request' });
    // Under it, the endpoint's own limit and message.
    const big = await raw('/as/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&x=${'a'.repeat(100_000)}`,
    });
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body).error_description).toMatch(/larger than \d+ bytes/);
    const nowhere = await raw('/as/nope/token', { method: 'POST' });
    expect(nowhere.status).toBe(404);
    expect(JSON.parse(nowhere.body)).toMatchObject({ error: 'invalid_request' });
  });
});
