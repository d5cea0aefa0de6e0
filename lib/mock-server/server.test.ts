import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockConfigError, startMockServer, type RunningMockServer } from './server';
import { main, parseCliArgs } from './cli';

const http = { [oauth.allowInsecureRequests]: true } as const;
let mock: RunningMockServer;

beforeAll(async () => {
  mock = await startMockServer({
    realms: {
      api: {
        clients: [{ id: 'job', secret: 'job-secret', grants: ['client_credentials'] }],
        scopes: { 'photos:read': 'View photos', 'orders:read': 'Read orders' },
        accessTokenFormat: 'opaque',
      },
    },
  });
});
afterAll(() => mock.close());

async function clientCredentials(realm: string, id: string, secret: string, scope: string) {
  const issuer = new URL(mock.issuer(realm));
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    { client_id: id },
    oauth.ClientSecretBasic(secret),
    new URLSearchParams({ scope }),
    http,
  );
  return oauth.processClientCredentialsResponse(as, { client_id: id }, response);
}

describe('startMockServer', () => {
  it('serves the configured realms and demo, each with its own clients', async () => {
    expect(mock.realms).toEqual(['api', 'demo']);
    expect(mock.issuer('api')).toBe(`${mock.url}/as/api`);
    const opaque = await clientCredentials('api', 'job', 'job-secret', 'orders:read');
    expect(opaque.access_token.split('.')).toHaveLength(1); // accessTokenFormat "opaque"
    const jwt = await clientCredentials('demo', 'service', 'service-secret', 'photos:read');
    expect(jwt.access_token.split('.')).toHaveLength(3);
    // A client of one realm is unknown at another (RFC 6749 §2.3.1 → invalid_client).
    const refused = await fetch(`${mock.issuer('demo')}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('job:job-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe('invalid_client');
  });

  it('accepts a demo access token only at the demo RS, and an opaque one through introspection at its own', async () => {
    const demo = await clientCredentials('demo', 'service', 'service-secret', 'photos:read');
    expect((await fetch(`${mock.url}/rs/demo/photos`, { headers: { authorization: `Bearer ${demo.access_token}` } })).status).toBe(200);
    expect((await fetch(`${mock.url}/rs/api/photos`, { headers: { authorization: `Bearer ${demo.access_token}` } })).status).toBe(401);
    const api = await clientCredentials('api', 'job', 'job-secret', 'photos:read');
    expect((await fetch(`${mock.url}/rs/api/photos`, { headers: { authorization: `Bearer ${api.access_token}` } })).status).toBe(200);
  });

  it('answers unknown paths, unknown realms, bad encodings, a hostile Host and huge bodies with RFC-shaped 4xx', async () => {
    for (const path of ['/', '/as/nope/token', '/as/%ff/jwks', '/rs/api/nothing', '/as/api%2F..%2Fdemo/jwks']) {
      const response = await fetch(`${mock.url}${path}`);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error, path).toBe('invalid_request');
    }
    const hostile = await fetch(`${mock.url}/as/api/.well-known/openid-configuration`, { headers: { host: 'evil.test/x' } });
    expect((await hostile.json()).issuer).toBe(`${mock.url}/as/api`); // an invalid Host falls back (lib/http/origin.ts)
    const huge = await fetch(`${mock.url}/as/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a='.padEnd(200_000, 'x'),
    });
    expect(huge.status).toBe(413);
  });

  it('throws MockConfigError with "path: problem" lines before listening', async () => {
    const error = await startMockServer({ realms: { x: { clients: [] } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as MockConfigError).errors).toEqual([expect.stringMatching(/^realms\.x\.clients: /)]);
  });
});

describe('flowlab-mock flags', () => {
  it('parses --port, --host, --config and refuses the rest clearly', () => {
    expect(parseCliArgs([])).toMatchObject({ port: 4000, host: '127.0.0.1', help: false });
    expect(parseCliArgs(['--port', '0', '--host', '::1', '--config', 'r.json'])).toMatchObject({ port: 0, host: '::1', config: 'r.json' });
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port must be an integer from 0 to 65535/);
    expect(() => parseCliArgs(['--port', '-1'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--host', 'a b'])).toThrow(/--host must be/);
    expect(() => parseCliArgs(['extra'])).toThrow(/positional/i);
  });

  it('takes --redis as a redis:// or rediss:// URL and --workers only with it', () => {
    expect(parseCliArgs(['--redis', 'redis://127.0.0.1:6379'])).toMatchObject({ redis: 'redis://127.0.0.1:6379', workers: undefined });
    expect(parseCliArgs(['--redis', 'rediss://u:p@cache.test:6380/2', '--workers', '4'])).toMatchObject({ workers: 4 });
    for (const bad of ['http://127.0.0.1:6379', 'redis:/x', '127.0.0.1:6379', '', `redis://${'a'.repeat(3000)}`]) {
      expect(() => parseCliArgs(['--redis', bad]), bad).toThrow(/--redis must be a redis:\/\/ or rediss:\/\/ URL/);
    }
    // The password of a refused URL is not echoed back.
    expect(() => parseCliArgs(['--redis', 'redis://u:hunter2@'])).toThrow(/^(?!.*hunter2)/s);
    expect(() => parseCliArgs(['--workers', '2'])).toThrow(/--workers needs --redis URL/);
    for (const bad of ['0', '65', '1.5', '-1', 'two', '']) {
      expect(() => parseCliArgs([`--workers=${bad}`, '--redis', 'redis://127.0.0.1']), bad).toThrow(
        /--workers must be an integer from 1 to 64/,
      );
    }
  });

  it('exits 2 with the reason and the usage for a bad flag, and 1 when Redis does not answer', async () => {
    const lines: string[] = [];
    expect(
      await main(
        ['--workers', '2'],
        () => undefined,
        (line) => lines.push(line),
      ),
    ).toBe(2);
    expect(lines.join('\n')).toMatch(/^flowlab-mock: --workers needs --redis URL[^]*Usage: flowlab-mock/);
    lines.length = 0;
    expect(
      await main(
        ['--port', '0', '--redis', 'redis://127.0.0.1:1'],
        () => undefined,
        (line) => lines.push(line),
      ),
    ).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^flowlab-mock: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: /)]);
  });
});
