import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setServerStore } from '../../realms/registry';
import { MemoryStore } from '../../store/memory-store';
import { authorizeUrl, browser, hidden, signInAndConsent, type Browser } from '../test-fixtures/browser';

beforeEach(() => setServerStore(new MemoryStore()));
afterEach(() => vi.useRealTimers());

async function signedIn(): Promise<Browser> {
  const b = browser();
  expect((await signInAndConsent(b, (await authorizeUrl()).url, 'allow')).status).toBe(303);
  return b;
}

const gotCode = (res: Response) => new URL(res.headers.get('location') ?? 'http://x/').searchParams.has('code');

describe('prompt=login and max_age (OIDC Core §3.1.2.1)', () => {
  it('with prompt=login, does not let a signed-in user skip the login by posting the consent decision', async () => {
    const b = await signedIn();
    const forced = await b.go((await authorizeUrl({ prompt: 'login' })).url);
    expect(forced.status).toBe(200);
    const pending = hidden(await forced.text());
    const viaGet = await b.go(`/as/demo/consent?pending=${pending}`);
    expect(await viaGet.text()).toContain('Password');
    const skipped = await b.post('/as/demo/consent', { pending, decision: 'allow' });
    expect(gotCode(skipped)).toBe(false);
    expect(await skipped.text()).toContain('Password');
  });

  it('with prompt=login, gives consent once the user signed in again for this request', async () => {
    const b = await signedIn();
    const forced = await b.go((await authorizeUrl({ prompt: 'login' })).url);
    const pending = hidden(await forced.text());
    const login = await b.post('/as/demo/login', { pending, username: 'alice', password: 'wonderland' });
    expect(login.headers.get('location')).toContain('/as/demo/consent?pending=');
    expect(gotCode(await b.post('/as/demo/consent', { pending, decision: 'allow' }))).toBe(true);
  });

  it('treats max_age=0 as prompt=login and lets a recent enough session through a larger max_age', async () => {
    const b = await signedIn();
    const zero = await b.go((await authorizeUrl({ max_age: '0' })).url);
    expect(zero.status).toBe(200);
    expect(await zero.text()).toContain('Password');
    const recent = await b.go((await authorizeUrl({ max_age: '3600' })).url);
    expect(recent.status).toBe(303);
    expect(recent.headers.get('location')).toContain('/as/demo/consent?pending=');
  });

  it('asks for a login when the session is older than max_age, on the authorize and on the consent path', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
    const b = await signedIn();
    const early = await b.go((await authorizeUrl({ max_age: '60' })).url);
    expect(early.status).toBe(303);
    const pending = new URL(early.headers.get('location')!, 'http://x').searchParams.get('pending')!;
    vi.setSystemTime(new Date('2027-01-01T00:02:00Z'));
    const stale = await b.post('/as/demo/consent', { pending, decision: 'allow' });
    expect(gotCode(stale)).toBe(false);
    expect(await stale.text()).toContain('Password');
    const later = await b.go((await authorizeUrl({ max_age: '60' })).url);
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('Password');
    const none = await b.go((await authorizeUrl({ max_age: '60', prompt: 'none' })).url);
    expect(new URL(none.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it.each(['-1', '1.5', 'soon', ''])('refuses max_age=%j with invalid_request', async (maxAge) => {
    const { url } = await authorizeUrl();
    const res = await browser().go(`${url}&max_age=${encodeURIComponent(maxAge)}`);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });
});
