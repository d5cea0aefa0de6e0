import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// bin/thread-pool.cjs is CommonJS (it must run before any ES module is read); the installed-package test (pack
// project) checks that flowlab-mock's process really runs with the pool it picks.
const { threadPoolSize, sizeThreadPool } = createRequire(import.meta.url)('../../bin/thread-pool.cjs') as {
  threadPoolSize(env: Record<string, string | undefined>, cores: number): string;
  sizeThreadPool(env: Record<string, string | undefined>, cores: number): void;
};

describe('the thread pool size of flowlab-mock (bin/thread-pool.cjs)', () => {
  it('is one thread per core besides the event loop’s, and at least one', () => {
    expect(threadPoolSize({}, 2)).toBe('1');
    expect(threadPoolSize({}, 8)).toBe('7');
    expect(threadPoolSize({}, 1)).toBe('1');
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '  ' }, 4)).toBe('3');
  });

  it('leaves an operator’s UV_THREADPOOL_SIZE as it is (libuv parses it)', () => {
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '16' }, 2)).toBe('16');
    const env: Record<string, string | undefined> = { UV_THREADPOOL_SIZE: '6' };
    sizeThreadPool(env, 2);
    expect(env.UV_THREADPOOL_SIZE).toBe('6');
  });

  it('sets it in the environment, which the workers of --workers N inherit', () => {
    const env: Record<string, string | undefined> = {};
    sizeThreadPool(env, 4);
    expect(env.UV_THREADPOOL_SIZE).toBe('3');
  });
});
