// flowlab-mock --workers 2 --redis: two worker processes on one port, one Redis (the Vitest project
// `redis` starts a real redis-server: test/redis-global-setup.ts). Runs the command from the source tree
// (testing/run-cli.mjs, no pack); every request opens its own connection, so node:cluster spreads them
// over both workers, and each answer names its worker (Flowlab-Mock-Worker).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WORKER_HEADER } from './http-server';
import { freshConnectionFetch } from './testing/fresh-connection-fetch';

const runCli = fileURLToPath(new URL('./testing/run-cli.mjs', import.meta.url));
const options = { [oauth.allowInsecureRequests]: true, [oauth.customFetch]: freshConnectionFetch } as const;
/** Without the test runner's loader, and with a key prefix of its own in the shared test Redis. */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('VITEST'))),
  FLOWLAB_REDIS_PREFIX: `cluster-test-${randomBytes(6).toString('hex')}:`,
} as unknown as NodeJS.ProcessEnv;

let primary: ChildProcess;
let origin: string;
let workerPids: number[];
let output = '';

function start(args: string[]): Promise<{ child: ChildProcess; url: string; pids: number[] }> {
  const child = spawn(process.execPath, [runCli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+) \(2 workers, pids ([\d ]+);.*\n {2}realm demo +issuer \S+\n/.exec(output);
      if (match) resolve({ child, url: match[1], pids: match[2].split(' ').map(Number) });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`flowlab-mock exited (${code}) before listening:\n${output}`)));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  const started = await start(['--port', '0', '--workers', '2', '--redis', inject('redisUrl')]);
  primary = started.child;
  origin = started.url;
  workerPids = started.pids;
}, 180_000); // each worker transpiles the TypeScript with jiti at start: seconds on a loaded machine

afterAll(() => {
  if (primary.exitCode === null) primary.kill('SIGKILL');
  for (const pid of workerPids ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

async function clientCredentials(issuerUrl: string) {
  const issuer = new URL(issuerUrl);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
  const client = { client_id: 'service' };
  const auth = oauth.ClientSecretBasic('service-secret');
  const response = await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams({ scope: 'photos:read' }), options);
  return {
    as,
    client,
    auth,
    token: (await oauth.processClientCredentialsResponse(as, client, response)).access_token,
    worker: response.headers.get(WORKER_HEADER),
  };
}

/** `count` RS calls with `token`, each on a new connection: their statuses and the workers that answered. */
async function callRs(resource: string, token: string, count: number) {
  const call = () =>
    oauth.protectedResourceRequest(token, 'GET', new URL(`${resource}/photos`), undefined, undefined, options).catch((err: unknown) => {
      // oauth4webapi throws on an RFC 6750 §3 challenge; the refusal is what some calls expect.
      if (err instanceof oauth.WWWAuthenticateChallengeError) return err.response;
      throw err;
    });
  const answers = await Promise.all(Array.from({ length: count }, call));
  return { statuses: new Set(answers.map((a) => a.status)), workers: new Set(answers.map((a) => a.headers.get(WORKER_HEADER))) };
}

describe('flowlab-mock --workers 2 --redis', () => {
  it('prints the issuers once, from the primary', () => {
    expect(output.match(/listening on/g)).toHaveLength(1);
    expect(output).toContain(`realm demo         issuer ${origin}/as/demo`);
    expect(workerPids).toHaveLength(2);
  });

  it('accepts a token issued by either worker at both workers, and a revocation at one holds at both at once', async () => {
    const issued = await Promise.all(Array.from({ length: 6 }, () => clientCredentials(`${origin}/as/demo`)));
    expect(new Set(issued.map((i) => i.worker))).toEqual(new Set(['1', '2']));
    for (const { token } of issued) {
      const rs = await callRs(`${origin}/rs/demo`, token, 8);
      expect(rs.statuses).toEqual(new Set([200]));
      expect(rs.workers).toEqual(new Set(['1', '2']));
    }
    // RFC 7009 §2: revoked at one worker (whichever answers), refused by both on the very next requests.
    const { as, client, auth, token } = issued[0];
    const revoked = await oauth.revocationRequest(as, client, auth, token, options);
    await oauth.processRevocationResponse(revoked);
    const after = await callRs(`${origin}/rs/demo`, token, 8);
    expect(after.statuses).toEqual(new Set([401]));
    expect(after.workers).toEqual(new Set(['1', '2']));
    expect((await callRs(`${origin}/rs/demo`, issued[1].token, 4)).statuses).toEqual(new Set([200]));
  }, 90_000);

  it('serves a lab realm made at one worker from both, and forgets it at both once deleted', async () => {
    const created = await freshConnectionFetch(`${origin}/api/realms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"weaknesses":[]}',
    });
    expect(created.status).toBe(201);
    const realm = (await created.json()) as { id: string; issuer: string; resource: string };
    expect(realm.issuer).toBe(`${origin}/as/${realm.id}`);
    const tokens = await Promise.all(Array.from({ length: 4 }, () => clientCredentials(realm.issuer)));
    expect(new Set(tokens.map((t) => t.worker))).toEqual(new Set(['1', '2']));
    const rs = await callRs(realm.resource, tokens[0].token, 8);
    expect(rs.statuses).toEqual(new Set([200]));
    expect(rs.workers).toEqual(new Set(['1', '2']));
    // A demo token means nothing at the lab realm (its own keys and issuer), on either worker.
    const demo = await clientCredentials(`${origin}/as/demo`);
    expect((await callRs(realm.resource, demo.token, 4)).statuses).toEqual(new Set([401]));

    expect((await freshConnectionFetch(`${origin}/api/realms/${realm.id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await Promise.all(
      Array.from({ length: 6 }, () => freshConnectionFetch(`${realm.issuer}/.well-known/openid-configuration`)),
    );
    expect(new Set(gone.map((g) => g.status))).toEqual(new Set([404]));
    expect(new Set(gone.map((g) => g.headers.get(WORKER_HEADER)))).toEqual(new Set(['1', '2']));
  }, 90_000);

  it('stops both workers and exits 0 on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workerPids.filter(alive)).toEqual([]);
  }, 30_000);
});

describe('flowlab-mock --workers start failures', () => {
  it('exits 1 and says why when Redis cannot be reached, with no worker left behind', () => {
    const run = spawnSync(process.execPath, [runCli, '--port', '0', '--workers', '2', '--redis', 'redis://127.0.0.1:1'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/flowlab-mock: worker \d \(pid \d+\) could not start: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    expect(run.stdout).not.toContain('listening');
  }, 130_000);

  it('refuses --workers without --redis before forking anything (exit 2)', () => {
    const run = spawnSync(process.execPath, [runCli, '--workers', '2'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--workers needs --redis URL');
  }, 70_000);
});
