import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redis-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the redis-server this run started (Vitest project `redis`). */
    redisUrl: string;
  }
}

/** Vitest global setup of the `redis` project: one real redis-server for the run, killed by PID at the end. */
export default async function setup(project: TestProject) {
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  return () => server.stop();
}
