// Vitest project `pack` (vitest.config.mts): the published package, not the source tree. Builds
// dist/mock, runs `npm pack`, installs the tarball into a fresh temporary project (npm, with its
// cache, --prefer-offline) and drives the installed `flowlab-mock` — plain Node, no TypeScript
// loader — with oauth4webapi: discovery, client credentials, and a code flow with PKCE through the
// AS's real HTML login and consent forms.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser, signInAndAllow } from './testing/form-browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CALLBACK = 'http://localhost:5173/callback';
const CONFIG = {
  realms: {
    shop: {
      clients: [
        {
          id: 'shop-web',
          secret: 'shop-secret',
          redirectUris: [CALLBACK],
          grants: ['authorization_code', 'refresh_token'],
          authMethods: ['client_secret_basic'],
        },
        { id: 'worker', secret: 'worker-secret', grants: ['client_credentials'], scopes: ['photos:read'] },
      ],
      users: [
        {
          username: 'carol',
          password: 'carol-pw',
          name: 'Carol Shopper',
          email: 'carol@shop.test',
          emailVerified: true,
          claims: { groups: ['admin'], tenant: 't1' },
        },
      ],
      scopes: { openid: 'Sign you in', profile: 'See your name', email: 'See your email', 'photos:read': 'View your photos' },
      lifetimes: { accessToken: 300 },
    },
  },
};

let dir: string;
let bin: string;
let server: ChildProcess | undefined;
let origin: string;
/**
 * The environment of a plain Node: no loader the test runner may have put in NODE_OPTIONS, and libuv's own defaults
 * (no pool size, no io_uring, whose threads would come and go in the thread count of the pool test).
 */
const plainEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !['NODE_OPTIONS', 'UV_THREADPOOL_SIZE', 'UV_USE_IO_URING'].includes(k) && !k.startsWith('VITEST'),
  ),
) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: plainEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Starts the installed bin; resolves with its origin once it prints "listening on". */
function startInstalled(args: string[], env: NodeJS.ProcessEnv = plainEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`flowlab-mock exited (${code}) before listening:\n${out}`)));
  });
}

/** Runs the installed bin to completion (for the refusals). */
function runInstalled(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: plainEnv, encoding: 'utf8', timeout: 20_000 });
}

const http = { [oauth.allowInsecureRequests]: true } as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowlab-pack-'));
  run(process.execPath, ['scripts/build-mock.mjs'], root);
  run('npm', ['pack', '--silent', '--pack-destination', dir], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run(
    'npm',
    ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--omit=optional', '--ignore-scripts'],
    dir,
  );
  bin = join(dir, 'node_modules', 'flowlab', 'bin', 'flowlab-mock.cjs');
  writeFileSync(join(dir, 'realms.json'), JSON.stringify(CONFIG));
  const started = await startInstalled(['--port', '0', '--config', 'realms.json']);
  server = started.child;
  origin = started.url;
}, 300_000); // about 50 s on an idle machine; a shared, loaded one can take several times that

async function stop(child: ChildProcess | undefined) {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** An RS call with a token it has not seen: its ES256 check runs on libuv's pool (lib/realms/node-signing.ts), which Node's module loader started already. */
async function checkFreshToken(url: string) {
  const token = await fetch(`${url}/as/shop/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('worker:worker-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&scope=photos%3Aread',
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const api = await fetch(`${url}/rs/shop/photos`, { headers: { authorization: `Bearer ${token.access_token}` } });
  expect(api.status).toBe(200);
}

const { threadPoolSize } = createRequire(import.meta.url)('../../bin/thread-pool.cjs') as {
  threadPoolSize(env: Record<string, string | undefined>, cores: number): string;
};

/** Linux: the threads of a process (its main thread, V8's, libuv's pool, …), from /proc. */
const threadCount = (pid: number) => readdirSync(`/proc/${pid}/task`).length;

afterAll(async () => {
  await stop(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the installed flowlab-mock package', () => {
  it('serves discovery for demo and for a configured realm (OIDC Discovery §4, RFC 8414)', async () => {
    for (const realm of ['demo', 'shop']) {
      const issuer = new URL(`${origin}/as/${realm}`);
      const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
      expect(as.issuer).toBe(issuer.href);
      expect(as.token_endpoint).toBe(`${issuer.href}/token`);
    }
  });

  it('issues a client-credentials ES256 JWT access token that its resource server accepts (RFC 6749 §4.4, RFC 9068)', async () => {
    const issuer = new URL(`${origin}/as/shop`);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
    const client = { client_id: 'worker' };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic('worker-secret'),
      new URLSearchParams({ scope: 'photos:read' }),
      http,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(300);
    const header = JSON.parse(Buffer.from(tokens.access_token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const api = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(`${origin}/rs/shop/photos`),
      undefined,
      undefined,
      http,
    );
    expect(api.status).toBe(200);
    const refused = await fetch(`${origin}/rs/shop/photos`, { headers: { authorization: `Bearer ${tokens.access_token}x` } });
    expect(refused.status).toBe(401);
  });

  it('runs a code flow with PKCE through the HTML login and consent forms, and UserInfo returns the configured claims', async () => {
    const issuer = new URL(`${origin}/as/shop`);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
    const client = { client_id: 'shop-web' };
    const auth = oauth.ClientSecretBasic('shop-secret');
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const authorize = new URL(as.authorization_endpoint!);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: CALLBACK,
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    const callback = await signInAndAllow(new FormBrowser(), authorize, 'carol', 'carol-pw');
    expect(callback.origin + callback.pathname).toBe(CALLBACK);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, auth, params, CALLBACK, verifier, http);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
    expect(oauth.getValidatedIdTokenClaims(tokens)!.sub).toBe('carol');
    const info = await oauth.processUserInfoResponse(
      as,
      client,
      'carol',
      await oauth.userInfoRequest(as, client, tokens.access_token, http),
    );
    expect(info).toMatchObject({
      sub: 'carol',
      name: 'Carol Shopper',
      email: 'carol@shop.test',
      email_verified: true,
      groups: ['admin'],
      tenant: 't1',
    });
  });

  // bin/thread-pool.cjs. Two processes of the same bin differ only in their pool, so their thread counts differ by
  // exactly the difference in pool sizes, whatever else Node starts. Linux only (/proc); CI runs on Linux.
  it.skipIf(process.platform !== 'linux')(
    "sizes libuv's thread pool to one thread per core besides the event loop's, unless UV_THREADPOOL_SIZE says otherwise",
    async () => {
      const sized = Number(threadPoolSize({}, availableParallelism()));
      await checkFreshToken(origin);
      const other = await startInstalled(['--port', '0', '--config', 'realms.json'], {
        ...plainEnv,
        UV_THREADPOOL_SIZE: String(sized + 3),
      });
      try {
        await checkFreshToken(other.url);
        expect(threadCount(other.child.pid!) - threadCount(server!.pid!)).toBe(3);
      } finally {
        await stop(other.child);
      }
    },
  );

  it('refuses a bad config (exit 1, naming the path) and a bad flag (exit 2)', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ realms: { shop: { clients: [{ id: 'x', grants: ['authorization_code'], secret: 's' }] } } }),
    );
    const bad = runInstalled(['--port', '0', '--config', 'bad.json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('realms.shop.clients[0].redirectUris: authorization_code and implicit need at least one redirect URI');
    const flag = runInstalled(['--prot', '1']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--prot'");
    const workers = runInstalled(['--workers', '2']);
    expect(workers.status).toBe(2);
    expect(workers.stderr).toContain('--workers needs --redis URL');
  });
});
