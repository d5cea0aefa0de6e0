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

describe('a form the AS cannot read', () => {
  it('is answered with a page a person can read, not the JSON of the token endpoint: sign-in, consent and device code', async () => {
    const b = browser();
    const login = await b.go((await authorizeUrl()).url);
    const page = await login.text();
    const pending = hidden(page);
    // The fields say how long they may be, so a browser cuts a paste there; a hand-made POST is refused as a page.
    expect(page).toContain('maxlength="256"');
    const huge = 'x'.repeat(200 * 1024);
    for (const [path, fields] of [
      ['/as/demo/login', { pending, username: 'alice', password: huge }],
      ['/as/demo/consent', { pending, decision: huge }],
      ['/as/demo/device', { user_code: huge }],
    ] as const) {
      const res = await b.post(path, fields);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const text = await res.text();
      expect(text, path).toContain('The request body is larger than 65536 bytes.');
      expect(text, path).toContain(path === '/as/demo/device' ? 'Type the code your device shows.' : 'start the sign-in again');
    }
  });
});
