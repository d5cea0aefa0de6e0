import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_CONFIG_BYTES, parseMockConfigText } from './config';
import { MockConfigError, startMockServer } from './server';

const USAGE = `Usage: flowlab-mock [--port N] [--host ADDRESS] [--config FILE]

Flowlab's OAuth 2.x / OpenID Connect authorization server and resource server on plain node:http.
  --port N         port to listen on (default 4000; 0 picks a free one)
  --host ADDRESS   address to listen on (default 127.0.0.1)
  --config FILE    JSON realms file (see README "Standalone mock server"); without it: the demo realm
  --redis URL      not yet supported (needs the Redis store)
  --workers N      not yet supported (needs the Redis store)
  --help           this text`;

/** Exit codes: 0 served and stopped by a signal, 1 bad config or cannot listen, 2 bad command line. */
export class UsageError extends Error {}

export interface CliOptions {
  port: number;
  host: string;
  config?: string;
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
  if (values.redis !== undefined || values.workers !== undefined) {
    throw new UsageError(`--${values.redis !== undefined ? 'redis' : 'workers'} is not yet supported: it needs the Redis store, which this build does not have. Run one process without it.`);
  }
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '4000') || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${String(values.port).slice(0, 40)}".`);
  const host = values.host ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw new UsageError(`--host must be an IP address or a host name, got "${host.slice(0, 60)}".`);
  if (values.config === '') throw new UsageError('--config needs a file name.');
  return { port, host, config: values.config, help: values.help ?? false };
}

function readConfig(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) throw new MockConfigError([`${file}: is larger than ${MAX_CONFIG_BYTES} bytes`]);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof MockConfigError) throw err;
    throw new MockConfigError([`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  const parsed = parseMockConfigText(text, file);
  if (!parsed.ok) throw new MockConfigError(parsed.errors);
  return parsed.config;
}

/** The `flowlab-mock` command: returns the exit code for a failure, or never returns while serving. */
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
  try {
    const config = options.config === undefined ? undefined : readConfig(options.config);
    const server = await startMockServer(config, { port: options.port, host: options.host });
    out(`flowlab-mock listening on ${server.url}`);
    for (const realm of server.realms) out(`  realm ${realm.padEnd(12)} issuer ${server.issuer(realm)}`);
    const stop = () => {
      server.close().then(() => process.exit(0), () => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return undefined;
  } catch (e) {
    if (e instanceof MockConfigError) err(`flowlab-mock: ${e.message}`);
    else err(`flowlab-mock: cannot start: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`);
    return 1;
  }
}
