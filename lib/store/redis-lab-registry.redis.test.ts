import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { labRegistryContract } from '../realms/lab-registry-contract';
import { RedisLabRegistry } from './redis-lab-registry';
import { RedisStore } from './redis-store';

// Two instances' registries on one redis-server (test/redis-global-setup.ts), a key prefix per case.
labRegistryContract('redis', async (options) => {
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  const stores = [new RedisStore({ url: inject('redisUrl'), keyPrefix }), new RedisStore({ url: inject('redisUrl'), keyPrefix })];
  return {
    registry: new RedisLabRegistry(stores[0], options),
    peer: new RedisLabRegistry(stores[1], options),
    close: async () => void (await Promise.all(stores.map((s) => s.close()))),
  };
});
