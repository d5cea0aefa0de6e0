import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { RedisStore } from './redis-store';
import { storeContract } from './store-contract';

/** Two clients on one redis-server (test/redis-global-setup.ts), as two app instances would hold; a key prefix per case. */
storeContract('redis', async ({ limits }) => {
  const url = inject('redisUrl');
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  const store = new RedisStore({ url, keyPrefix, limits });
  const peer = new RedisStore({ url, keyPrefix, limits });
  return {
    store,
    peer,
    // Real time: Redis's own TTLs (PX) run out.
    elapse: (s) => new Promise((r) => setTimeout(r, s * 1000 + 100)),
    close: async () => {
      await store.close();
      await peer.close();
    },
  };
});
