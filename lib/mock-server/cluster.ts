import cluster, { type Worker } from 'node:cluster';
import type { CliOptions } from './cli';
import { redactRedisUrl } from './redis-state';
import { printBanner, readConfig, startFailure, startServing } from './serving';

/** How long the primary waits for every worker to listen before it gives up (exit 1). */
const START_TIMEOUT_MS = 60_000;
/** How long a stopping worker may take before it is killed. */
const STOP_TIMEOUT_MS = 5_000;

/** What a worker tells the primary once, at start. */
type WorkerMessage =
  | { type: 'flowlab-mock:ready'; url: string; realms: string[]; issuers: Record<string, string> }
  | { type: 'flowlab-mock:failed'; message: string };

function isWorkerMessage(value: unknown): value is WorkerMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('flowlab-mock:')
  );
}

/**
 * `flowlab-mock --workers N --redis URL`, the primary: forks N workers that listen on one port
 * (node:cluster hands each connection to one of them), waits until every one is listening, then
 * prints the issuers once. It restarts nothing: a worker that fails at start, or dies later, stops
 * all of them and the command exits 1, saying which worker and why — a CI job then sees the
 * failure instead of a server quietly running on fewer workers. SIGTERM/SIGINT stop every worker
 * (exit 0). Resolves with 1 when the start failed, undefined while serving.
 */
export async function runPrimary(
  options: CliOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number | undefined> {
  try {
    // A bad config is reported once, here, not by each worker.
    if (options.config !== undefined) readConfig(options.config);
  } catch (e) {
    err(`flowlab-mock: ${startFailure(e)}`);
    return 1;
  }
  const count = options.workers ?? 1;
  const workers = new Set<Worker>();
  let phase: 'starting' | 'serving' | 'stopping' = 'starting';

  const stopAll = (code: number) => {
    if (phase === 'stopping') return;
    phase = 'stopping';
    const pending = [...workers].filter((w) => !w.isDead());
    if (!pending.length) process.exit(code);
    const timer = setTimeout(() => {
      for (const w of pending) if (!w.isDead()) w.process.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    let left = pending.length;
    for (const w of pending) {
      w.once('exit', () => {
        if (--left === 0) {
          clearTimeout(timer);
          process.exit(code);
        }
      });
      w.process.kill('SIGTERM');
    }
  };

  return new Promise<number | undefined>((resolve) => {
    const ready = new Map<Worker, Extract<WorkerMessage, { type: 'flowlab-mock:ready' }>>();
    let failure: string | undefined;
    const failStart = (message: string) => {
      if (phase !== 'starting') return;
      failure ??= message;
      err(`flowlab-mock: ${failure}`);
      clearTimeout(startTimer);
      // The command's exit code is 1 whatever the other workers do as they stop.
      process.exitCode = 1;
      stopAll(1);
    };
    const startTimer = setTimeout(
      () => failStart(`only ${ready.size} of ${count} workers were listening after ${START_TIMEOUT_MS / 1000} s; stopping all of them.`),
      START_TIMEOUT_MS,
    );

    cluster.on('message', (worker, message: unknown) => {
      if (!isWorkerMessage(message) || phase !== 'starting') return;
      if (message.type === 'flowlab-mock:failed')
        return failStart(`worker ${worker.id} (pid ${worker.process.pid}) could not start: ${message.message}`);
      ready.set(worker, message);
      if (ready.size < count) return;
      clearTimeout(startTimer);
      phase = 'serving';
      const first = [...ready.values()][0];
      printBanner(
        out,
        first,
        (realm) => first.issuers[realm],
        ` (${count} workers, pids ${[...workers].map((w) => w.process.pid).join(' ')}; state in Redis at ${redactRedisUrl(options.redis!)})`,
      );
      resolve(undefined);
    });
    cluster.on('exit', (worker, code, signal) => {
      workers.delete(worker);
      if (phase === 'stopping') return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (phase === 'starting')
        return failStart(`worker ${worker.id} (pid ${worker.process.pid}) ${how} before it was listening; stopping all workers.`);
      err(
        `flowlab-mock: worker ${worker.id} (pid ${worker.process.pid}) ${how}; flowlab-mock restarts no worker, so it stops all of them.`,
      );
      stopAll(1);
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        if (phase === 'starting') resolve(130);
        stopAll(phase === 'starting' ? 130 : 0);
      });
    }
    for (let i = 0; i < count; i++) workers.add(cluster.fork());
  });
}

/**
 * One worker of `--workers`: serves like a single process (Redis state, the shared port), reports
 * to the primary instead of printing, and stops on SIGTERM/SIGINT or when the primary is gone.
 */
export async function runWorker(options: CliOptions): Promise<number | undefined> {
  const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  let serving;
  try {
    serving = await startServing(options);
  } catch (e) {
    await send({ type: 'flowlab-mock:failed', message: startFailure(e) });
    // The IPC channel would keep this process alive: leave now.
    process.exit(1);
  }
  const { server, stop } = serving;
  const issuers = Object.fromEntries(server.realms.map((realm) => [realm, server.issuer(realm)]));
  await send({ type: 'flowlab-mock:ready', url: server.url, realms: server.realms, issuers });
  let stopping = false;
  const onStop = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', onStop);
  process.once('SIGTERM', onStop);
  // The primary died without stopping us (SIGKILL): a worker never outlives it.
  process.once('disconnect', onStop);
  return undefined;
}
