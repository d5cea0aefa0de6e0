import { labRegistryContract } from './lab-registry-contract';
import { MemoryLabRegistry } from './lab-registry';

// One process: the "other instance" is the same registry. lib/store/redis-lab-registry.redis.test.ts runs the same rules on Redis.
labRegistryContract('memory', async (options) => {
  const registry = new MemoryLabRegistry(options);
  return { registry, peer: registry, close: async () => {} };
});
