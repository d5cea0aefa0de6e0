import { beforeEach, describe, expect, it } from 'vitest';

import { setServerStore } from '../../realms/registry';
import { MemoryStore } from '../../store/memory-store';
import { formPost, testRealm, TEST_ORIGIN } from '../test-fixtures/realm';
import { browser } from '../test-fixtures/browser';
import { deviceVerificationEndpoint } from './verification-endpoint';
import { formatUserCode, generateUserCode } from './user-code';

beforeEach(() => setServerStore(new MemoryStore()));

describe('device verification page rate limits (RFC 8628 §5.1)', () => {
  it('counts each attempt before checking it: of 200 parallel wrong codes only five are looked up', async () => {
    const b = browser();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => b.post('/as/demo/device', { user_code: formatUserCode(generateUserCode()) })),
    );
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(195);
  });

  it('limits attempts on one user code whatever address they come from', async () => {
    const realm = await testRealm();
    const attempt = (address: string) =>
      deviceVerificationEndpoint(
        formPost(`${TEST_ORIGIN}/as/demo/device`, { user_code: 'BCDF-GHJK' }, { 'x-forwarded-for': address }),
        realm,
      );
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`192.0.2.${i}`)).status).toBe(400);
      realm.clock.advance(61); // past the per-address window, inside the code's lifetime
    }
    const limited = await attempt('192.0.2.99');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('Too many attempts with this code');
  });
});
