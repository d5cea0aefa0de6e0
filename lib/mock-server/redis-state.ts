import { setServerStore } from '../realms/registry';
import { RedisStore } from '../store/redis-store';

/** A `redis://` or `rediss://` URL, as the app's `REDIS_URL` takes (README "Scaling out with Redis"). */
export function isRedisUrl(value: string): boolean {
  if (value.length > 2048 || !/^rediss?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL with its password replaced, for logs and error messages. */
export function redactRedisUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return 'redis://…';
  }
}

function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Thrown when Redis does not answer at start: flowlab-mock exits 1 rather than serve 503s. */
export class RedisUnreachableError extends Error {}

/**
 * Makes this process's server state live in the Redis at `url` — the same store, lab-realm registry
 * and shared signing keys the app uses with `REDIS_URL` (lib/realms/registry.ts), with the same
 * `FLOWLAB_REDIS_PREFIX` and `FLOWLAB_REDIS_TIMEOUT_MS` — and checks that Redis answers a `PING`.
 * Every process (each `--workers` worker) calls it: they then sign with one key set and see one
 * set of codes, tokens and realms. Returns the store, to close it at shutdown.
 */
export async function connectRedisState(url: string): Promise<RedisStore> {
  const store = new RedisStore({
    url,
    keyPrefix: process.env.FLOWLAB_REDIS_PREFIX || undefined,
    commandTimeoutMs: envNumber('FLOWLAB_REDIS_TIMEOUT_MS', 1000),
  });
  try {
    await store.run(() => store.client.ping());
  } catch (err) {
    await store.close();
    throw new RedisUnreachableError(`cannot reach Redis at ${redactRedisUrl(url)}: ${(err as Error).message}`);
  }
  setServerStore(store);
  return store;
}
