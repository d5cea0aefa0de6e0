import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/**
 * A real, throw-away `redis-server` for tests: a free loopback port, no persistence
 * (`--save ''`, `--appendonly no`), `noeviction` (what production should run: an evicting policy
 * could forget a revocation). Installed from Debian when missing. Killed by its PID.
 */
export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  /** SIGSTOP: the server keeps its connections but answers nothing (a stalled Redis). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Kills the process and waits for it to exit (an outage; the data is gone, as with a restart without persistence). */
  stop(): Promise<void>;
  /** Starts a new process on the same port. */
  restart(): Promise<void>;
}

export function ensureRedisServerInstalled(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  console.log('[test] redis-server missing: apt-get install -y redis-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server'],
  ]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const run = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (run.status !== 0)
      throw new Error(`Could not install redis-server (${args.join(' ')} exited ${run.status}); install it and run the tests again.`);
  }
  return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING on the port (or rejects after ~5 s). */
async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} before it answered`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(200);
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = ensureRedisServerInstalled();
  const port = await freePort();
  let child!: ChildProcess;
  const launch = async () => {
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForPing(port, child);
  };
  await launch();
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid!;
    },
    pause: () => void process.kill(child.pid!, 'SIGSTOP'),
    resume: () => void process.kill(child.pid!, 'SIGCONT'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited();
      process.kill(child.pid!, 'SIGCONT');
      process.kill(child.pid!, 'SIGKILL');
      await done;
    },
    restart: launch,
  };
}
