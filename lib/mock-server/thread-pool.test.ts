import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// bin/thread-pool.cjs is CommonJS (it must run before any ES module is read); the installed-package test (pack
// project) checks that flowlab-mock's process really runs with the pool it picks.
type Env = Record<string, string | undefined>;
const { threadPoolSize, processesOf, sizeThreadPool } = createRequire(import.meta.url)('../../bin/thread-pool.cjs') as {
  threadPoolSize(env: Env, cores: number, processes?: number): string;
  processesOf(argv: string[]): number;
  sizeThreadPool(processes: number, env: Env, cores: number): void;
};

describe('the thread pool size of flowlab-mock (bin/thread-pool.cjs)', () => {
  it('is, for one process, one thread per core besides the event loop’s, and at least one', () => {
    expect(threadPoolSize({}, 2)).toBe('1');
    expect(threadPoolSize({}, 8)).toBe('7');
    expect(threadPoolSize({}, 1)).toBe('1');
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '  ' }, 4)).toBe('3');
  });

  it('shares out the cores the event loops leave when --workers runs several processes', () => {
    expect(threadPoolSize({}, 2, 2)).toBe('1');
    expect(threadPoolSize({}, 8, 2)).toBe('3');
    expect(threadPoolSize({}, 8, 8)).toBe('1');
    expect(threadPoolSize({}, 4, 64)).toBe('1');
  });

  it('reads the number of processes from the command line, leaving its validation to the CLI', () => {
    expect(processesOf([])).toBe(1);
    expect(processesOf(['--redis', 'redis://127.0.0.1:6379', '--workers', '3'])).toBe(3);
    expect(processesOf(['--workers=4', '--port', '0'])).toBe(4);
    expect(processesOf(['--workers', 'many'])).toBe(1);
    expect(processesOf(['--workers'])).toBe(1);
    expect(processesOf(['--workers', '0'])).toBe(1);
  });

  it('leaves an operator’s UV_THREADPOOL_SIZE as it is (libuv parses it)', () => {
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: '16' }, 2, 2)).toBe('16');
    const env: Env = { UV_THREADPOOL_SIZE: '6' };
    sizeThreadPool(1, env, 2);
    expect(env.UV_THREADPOOL_SIZE).toBe('6');
  });

  it('writes its choice into the environment it is given', () => {
    const env: Env = {};
    sizeThreadPool(2, env, 8);
    expect(env.UV_THREADPOOL_SIZE).toBe('3');
  });
});
