import type { AddressInfo } from 'node:net';
import { DEMO_REALM_ID } from '../realms/demo';
import { definitionsFromConfig, type ConfiguredRealmDefinition } from '../realms/configured';
import { parseMockConfig, type MockConfigInput } from './config';
import { createMockHttpServer } from './http-server';
import { createMockRouter } from './router';

/** A config that failed validation: `errors` are "path: problem" lines (lib/mock-server/config.ts). */
export class MockConfigError extends Error {
  readonly code = 'ERR_FLOWLAB_MOCK_CONFIG';
  constructor(readonly errors: string[]) {
    super(`Invalid flowlab-mock config:\n  ${errors.join('\n  ')}`);
  }
}

export interface MockServerOptions {
  /** 0 (the default) picks a free port: read it from `url`. */
  port?: number;
  /** Default 127.0.0.1: the mock is a test tool, not something to expose on a network. */
  host?: string;
}

export interface RunningMockServer {
  /** `http://host:port`, the origin every issuer is under (unless `FLOWLAB_ORIGIN` pins another). */
  url: string;
  /** `{origin}/as/{realm}`: what to give an OAuth client as its issuer (discovery at `/.well-known/openid-configuration` under it). */
  issuer(realm?: string): string;
  /** The realms of the config, plus `demo` (always served, unless the config defines its own `demo`). */
  realms: string[];
  close(): Promise<void>;
}

/**
 * Starts the AS, RS and realm API on plain `node:http` (no Next.js), for Vitest/Jest global setup:
 * `const mock = await startMockServer({ realms: { … } }); process.env.ISSUER = mock.issuer('shop');`.
 * Without a config it serves `demo` (DESIGN.md's contract). An invalid config throws
 * {@link MockConfigError} before anything listens. Servers in one process share one store and one
 * set of keys per realm id (lib/realms/registry.ts keeps them process-wide).
 */
export async function startMockServer(config?: MockConfigInput | unknown, options: MockServerOptions = {}): Promise<RunningMockServer> {
  let definitions = new Map<string, ConfiguredRealmDefinition>();
  if (config !== undefined) {
    const parsed = parseMockConfig(config);
    if (!parsed.ok) throw new MockConfigError(parsed.errors);
    definitions = definitionsFromConfig(parsed.config);
  }
  const host = options.host ?? '127.0.0.1';
  // The adapter reads `origin` per request; it is known once the port is: set below, before any request.
  const adapterOptions: { origin?: string } = {};
  const server = createMockHttpServer(createMockRouter(definitions), adapterOptions);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard listen address is no origin a client can use: name loopback (issuers follow each request's Host anyway).
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  adapterOptions.origin = url;
  const origin = (process.env.FLOWLAB_ORIGIN || url).replace(/\/+$/, '');
  const realms = [...new Set([...definitions.keys(), DEMO_REALM_ID])];
  return {
    url,
    realms,
    issuer: (realm = DEMO_REALM_ID) => `${origin}/as/${encodeURIComponent(realm)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
