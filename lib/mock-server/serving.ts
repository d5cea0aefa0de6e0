import { readFileSync, statSync } from 'node:fs';
import type { CliOptions } from './cli';
import { MAX_CONFIG_BYTES, parseMockConfigText } from './config';
import { RedisUnreachableError, connectRedisState } from './redis-state';
import { MockConfigError, startMockServer, type RunningMockServer } from './server';

export function readConfig(file: string): unknown {
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

/** A served process: its server, and what to close at shutdown (the Redis connection). */
export interface Serving {
  server: RunningMockServer;
  stop(): Promise<void>;
}

/** Reads the config, connects Redis (when asked) and listens: one process, or one worker. */
export async function startServing(options: CliOptions): Promise<Serving> {
  const config = options.config === undefined ? undefined : readConfig(options.config);
  const store = options.redis === undefined ? undefined : await connectRedisState(options.redis);
  try {
    const server = await startMockServer(config, { port: options.port, host: options.host });
    return {
      server,
      stop: async () => {
        await server.close().catch(() => undefined);
        await store?.close();
      },
    };
  } catch (err) {
    await store?.close();
    throw err;
  }
}

/** The message for a failure to start (exit code 1). */
export function startFailure(e: unknown): string {
  if (e instanceof MockConfigError || e instanceof RedisUnreachableError) return e.message;
  return `cannot start: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}`.replace('  ', ' ');
}

export function printBanner(
  out: (line: string) => void,
  server: Pick<RunningMockServer, 'url' | 'realms'>,
  issuer: (realm: string) => string,
  how: string,
) {
  out(`flowlab-mock listening on ${server.url}${how}`);
  for (const realm of server.realms) out(`  realm ${realm.padEnd(12)} issuer ${issuer(realm)}`);
}
