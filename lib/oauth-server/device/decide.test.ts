import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../../realms/registry';
import type { Realm } from '../../realms/types';
import { MemoryStore } from '../../store/memory-store';
import type { Store } from '../../store/types';
import { withOAuthErrors } from '../errors';
import { inProcessFetch } from '../../server-router';
import { ISSUER } from '../integration/harness';
import { storeKeys } from '../records';
import { tokenEndpoint } from '../token/endpoint';
import { browser, hidden } from '../test-fixtures/browser';
import { formPost, testRealm, TEST_ORIGIN } from '../test-fixtures/realm';
import { deviceAuthorizationEndpoint } from './authorization-endpoint';
import { decideDevice } from './decide';

beforeEach(() => setServerStore(new MemoryStore()));

/** A store whose first read of `key` after arm() waits until release(): a poll held mid-flight. */
function holdingStore(inner: Store, key: string) {
  let armed = false;
  let reached!: () => void;
  let release!: () => void;
  const hasReached = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (release = r));
  const store: Store = {
    set: (k, v, ttl) => inner.set(k, v, ttl),
    setIfAbsent: (k, v, ttl) => inner.setIfAbsent(k, v, ttl),
    getMany: (keys) => inner.getMany(keys),
    consume: (k) => inner.consume(k),
    delete: (k) => inner.delete(k),
    increment: (k, ttl) => inner.increment(k, ttl),
    compareAndSet: (k, expected, next, ttl) => inner.compareAndSet(k, expected, next, ttl),
    async get<T>(k: string) {
      const value = await inner.get<T>(k);
      if (armed && k === key) {
        armed = false;
        reached();
        await released;
      }
      return value;
    },
  };
  return { store, arm: () => (armed = true), hasReached, release };
}

async function deviceCodeOf(realm: Realm): Promise<string> {
  const res = await deviceAuthorizationEndpoint(
    formPost(`${TEST_ORIGIN}/as/demo/device_authorization`, { client_id: 'tv', scope: 'openid' }),
    realm,
  );
  return ((await res.json()) as { device_code: string }).device_code;
}

describe('the device decision against a concurrent poll (RFC 8628 §3.3, §3.5)', () => {
  it('keeps an approval given while a poll is in flight: the device still gets its tokens', async () => {
    const base = await testRealm();
    const deviceCode = await deviceCodeOf(base);
    const held = holdingStore(base.store, storeKeys.device(deviceCode));
    const realm = { ...base, store: held.store };
    const poll = async () => {
      const res = await withOAuthErrors(tokenEndpoint)(
        formPost(`${ISSUER}/token`, {
          grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
          device_code: deviceCode,
          client_id: 'tv',
        }),
        realm,
      );
      return (await res.json()) as { error?: string; access_token?: string };
    };
    held.arm();
    const inFlight = poll();
    await held.hasReached;
    expect(await decideDevice(realm, deviceCode, 'allow', { sub: 'bob', authTime: realm.clock.nowSeconds() })).toBe(true);
    held.release();
    const first = await inFlight;
    realm.clock.advance(5);
    const outcome = first.access_token ? first : await poll();
    expect(outcome.error).toBeUndefined();
    expect(outcome.access_token).toBeDefined();
  });

  it('decides once: a second decision is refused and the page does not claim "Device connected"', async () => {
    const device = await (
      await inProcessFetch(`${ISSUER}/device_authorization`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: 'tv', scope: 'openid' }),
      })
    ).json();
    const b = browser();
    const first = await b.post('/as/demo/device', { user_code: device.user_code });
    const second = await b.post('/as/demo/device', { user_code: device.user_code });
    const login = await b.go(first.headers.get('location')!);
    const afterLogin = await b.post('/as/demo/login', { pending: hidden(await login.text()), username: 'alice', password: 'wonderland' });
    const consent1 = await b.go(afterLogin.headers.get('location')!);
    const consent2 = await b.go(second.headers.get('location')!.replace('/login?', '/consent?'));
    expect((await b.post('/as/demo/consent', { pending: hidden(await consent1.text()), decision: 'deny' })).headers.get('location')).toBe(
      '/as/demo/device?done=denied',
    );
    const late = await b.post('/as/demo/consent', { pending: hidden(await consent2.text()), decision: 'allow' });
    expect(late.status).toBe(400);
    expect(late.headers.get('location')).toBeNull();
    expect(await late.text()).not.toContain('Device connected');
  });
});
