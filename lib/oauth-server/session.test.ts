import { describe, expect, it } from 'vitest';

import { testRealm } from './test-fixtures/realm';
import { createSession, destroySession, getSession, readCookie } from './session';

const withCookie = (cookie: string) => new Request('http://localhost:3000/as/demo/authorize', { headers: { cookie } });

describe('AS session', () => {
  it('sets an HttpOnly, SameSite=Lax cookie scoped to the realm and finds the session again', async () => {
    const realm = await testRealm();
    const { cookie } = await createSession(realm, 'alice');
    expect(cookie).toMatch(/^as_session=[A-Za-z0-9_-]{43}; Path=\/as\/demo; HttpOnly; SameSite=Lax; Max-Age=28800$/);
    const request = withCookie(cookie.split(';')[0]);
    expect(await getSession(request, realm)).toEqual({ sub: 'alice', authTime: realm.clock.nowSeconds() });
    expect(await destroySession(request, realm)).toContain('Max-Age=0');
    expect(await getSession(request, realm)).toBeUndefined();
  });

  it('ignores malformed cookie values', () => {
    expect(readCookie(withCookie('as_session=<x>'), 'as_session')).toBeUndefined();
    expect(readCookie(withCookie('other=1; as_session=abcdefghijklmnopqrst'), 'as_session')).toBe('abcdefghijklmnopqrst');
  });
});
