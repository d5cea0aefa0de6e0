import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { runPrimary, runWorker } from './cluster';
import { isRedisUrl, redactRedisUrl } from './redis-state';
import { printBanner, startFailure, startServing } from './serving';

const USAGE = `Usage: flowlab-mock [--port N] [--host ADDRESS] [--config FILE] [--redis URL [--workers N]]

Flowlab's OAuth 2.x / OpenID Connect authorization server and resource server on plain node:http.
  --port N         port to listen on (default 4000; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1)
  --config FILE    JSON realms file (see README "Standalone mock server"); without it: the demo realm
  --redis URL      keep all state and the signing keys in this Redis (redis:// or rediss://), as the app
                   does with REDIS_URL: several flowlab-mock processes on one Redis act as one server
  --workers N      N worker processes (node:cluster) on one port; needs --redis, so that they share state and keys
  --help           this text`;

/** At most this many workers: more than the cores of any CI runner, and each holds its own key caches. */
export const MAX_WORKERS = 64;

/** Exit codes: 0 served and stopped by a signal, 1 bad config, Redis unreachable or cannot listen, 2 bad command line. */
export class UsageError extends Error {}

export interface CliOptions {
  port: number;
  host: string;
  config?: string;
  redis?: string;
  /** Undefined: one process, no cluster. */
  workers?: number;
  help: boolean;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        redis: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '4000') || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${String(values.port).slice(0, 40)}".`);
  const host = values.host ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host))
    throw new UsageError(`--host must be an IP address or a host name, got "${host.slice(0, 60)}".`);
  if (values.config === '') throw new UsageError('--config needs a file name.');
  const redis = values.redis?.trim();
  if (redis !== undefined && !isRedisUrl(redis)) {
    throw new UsageError(
      `--redis must be a redis:// or rediss:// URL (redis://[user:password@]host:port[/db]), got "${redactRedisUrl(redis).slice(0, 80)}".`,
    );
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!/^\d{1,2}$/.test(values.workers) || workers < 1 || workers > MAX_WORKERS) {
      throw new UsageError(`--workers must be an integer from 1 to ${MAX_WORKERS}, got "${values.workers.slice(0, 40)}".`);
    }
    if (redis === undefined) {
      throw new UsageError(
        '--workers needs --redis URL: each worker is its own process, and without a shared Redis a token, code or lab realm made by one worker ' +
          'would be unknown to the others, and each would sign with its own keys.',
      );
    }
  }
  return { port, host, config: values.config, redis, workers, help: values.help ?? false };
}

/** The `flowlab-mock` command: returns the exit code for a failure, or undefined while serving. */
export async function main(argv: string[], out = console.log, err = console.error): Promise<number | undefined> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    err(`flowlab-mock: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    out(USAGE);
    return 0;
  }
  if (cluster.isWorker) return runWorker(options);
  if (options.workers !== undefined) return runPrimary(options, out, err);
  try {
    const { server, stop } = await startServing(options);
    printBanner(out, server, server.issuer, options.redis ? ` (state in Redis at ${redactRedisUrl(options.redis)})` : '');
    const onSignal = () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(0),
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return undefined;
  } catch (e) {
    err(`flowlab-mock: ${startFailure(e)}`);
    return 1;
  }
}
