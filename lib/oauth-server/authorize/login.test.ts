import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../../realms/registry';
import { MemoryStore } from '../../store/memory-store';
import { authorizeUrl, browser, hidden } from '../test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));

describe('login form rate limit', () => {
  it('counts each attempt before checking it: of 200 parallel wrong passwords only five are tried', async () => {
    const b = browser();
    const login = await b.go((await authorizeUrl()).url);
    const pending = hidden(await login.text());
    const results = await Promise.all(Array.from({ length: 200 }, () => b.post('/as/demo/login', { pending, username: 'alice', password: 'nope' })));
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(195);
    expect((await b.post('/as/demo/login', { pending, username: 'alice', password: 'wonderland' })).status).toBe(429);
  });
});
