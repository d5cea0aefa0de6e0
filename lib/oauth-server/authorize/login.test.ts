import * as nodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { setServerStore } from '../../realms/registry';
import { MemoryStore } from '../../store/memory-store';
import { inProcessFetch } from '../../server-router';
import { authorizeUrl, browser, hidden, signInAndConsent } from '../test-fixtures/browser';

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

beforeEach(() => setServerStore(new MemoryStore()));

describe('login form rate limit', () => {
  it('counts each attempt before checking it: of 200 parallel wrong passwords only five are tried', async () => {
    const b = browser();
    const login = await b.go((await authorizeUrl()).url);
    const pending = hidden(await login.text());
    const results = await Promise.all(
      Array.from({ length: 200 }, () => b.post('/as/demo/login', { pending, username: 'alice', password: 'nope' })),
    );
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(195);
    expect((await b.post('/as/demo/login', { pending, username: 'alice', password: 'wonderland' })).status).toBe(429);
  });
});

describe('login password check', () => {
  it('compares in constant time, over equal-length digests, for known and unknown usernames alike', async () => {
    const compare = vi.mocked(nodeCrypto.timingSafeEqual);
    for (const [username, password, status] of [
      ['alice', 'x', 400],
      ['nobody', 'wonderland-and-more', 400],
      ['alice', 'wonderland', 303],
    ] as const) {
      const b = browser();
      const pending = hidden(await (await b.go((await authorizeUrl()).url)).text());
      compare.mockClear();
      expect((await b.post('/as/demo/login', { pending, username, password })).status).toBe(status);
      expect(compare).toHaveBeenCalledTimes(1);
      const [a, c] = compare.mock.calls[0] as [Buffer, Buffer];
      expect(a.length).toBe(32);
      expect(c.length).toBe(32);
    }
  });
});

describe('a new login', () => {
  it('replaces the session the browser had: the old session id no longer signs anyone in', async () => {
    const b = browser();
    await signInAndConsent(b, (await authorizeUrl()).url, 'allow');
    const old = b.jar.get('as_session')!;
    const pending = hidden(await (await b.go((await authorizeUrl({ prompt: 'login' })).url)).text());
    expect((await b.post('/as/demo/login', { pending, username: 'bob', password: 'builder' })).status).toBe(303);
    expect(b.jar.get('as_session')).not.toBe(old);
    const withOld = await inProcessFetch((await authorizeUrl()).url, {
      headers: { cookie: `as_session=${old}; as_browser=${b.jar.get('as_browser')}` },
      redirect: 'manual',
    });
    expect(withOld.status).toBe(200);
    expect(await withOld.text()).toContain('Password');
  });
});
